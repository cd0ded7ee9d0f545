/**
 * A counting wrapper between a Daftar server and PostgreSQL: a TCP proxy that reads the wire protocol
 * in both directions and counts, for whatever passes through it,
 *
 * - statements: ReadyForQuery ('Z') messages from the server, one per simple Query or per Sync of
 *   the extended protocol (node-postgres sends one Sync per statement, BEGIN and COMMIT included);
 * - round trips: the times the client sent a request while none of its earlier ones was still
 *   unanswered, i.e. the times it had to wait for the server before going on. Without pipelining
 *   this equals the statements; with pipelining (several Syncs in flight) it is fewer.
 *
 * It can also keep the SQL text of every statement (Parse 'P' and Query 'Q' messages), to see what
 * an operation sends. It counts bytes it forwards unchanged, so it changes nothing the server sees.
 */
import net from 'node:net';

export interface Counts {
  statements: number;
  roundTrips: number;
}

export interface PgProxy {
  port: number;
  counts(): Counts;
  /** SQL texts seen since the last call (only when `keepSql`), in order. */
  takeSql(): string[];
  /** Milliseconds from each COMMIT sent to its answer, since the last call. */
  takeCommitMs(): number[];
  close(): Promise<void>;
}

/** Splits a stream of protocol messages (type byte + int32 length) and calls `onMessage` per message. */
function messageReader(startup: boolean, onMessage: (type: number, body: Buffer) => void): (chunk: Buffer) => void {
  let buffered: Buffer = Buffer.alloc(0);
  let awaitingStartup = startup;
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    for (;;) {
      if (awaitingStartup) {
        // The startup packet (and an SSL or cancel request) has no type byte.
        if (buffered.length < 4) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        buffered = buffered.subarray(length);
        // SSLRequest (80877103) is answered with one byte 'N' and followed by the real startup.
        if (code !== 80877103) awaitingStartup = false;
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1);
      if (buffered.length < 1 + length) return;
      onMessage(buffered[0]!, buffered.subarray(5, 1 + length));
      buffered = buffered.subarray(1 + length);
    }
  };
}

const SYNC = 'S'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);
const PARSE = 'P'.charCodeAt(0);
const READY = 'Z'.charCodeAt(0);

export async function startPgProxy(target: { host: string; port: number }, keepSql = false): Promise<PgProxy> {
  let statements = 0;
  let roundTrips = 0;
  let sqlTexts: string[] = [];
  let commitMs: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let outstanding = 0;
    let commitSentAt: number | null = null;
    // Auth and the first ReadyForQuery come before any request: not counted.
    let ready = false;
    const fromClient = messageReader(true, (type, body) => {
      let text: string | null = null;
      if (type === PARSE) {
        const nameEnd = body.indexOf(0);
        text = body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString('utf8');
      }
      if (type === QUERY) text = body.subarray(0, body.length - 1).toString('utf8');
      if (text !== null) {
        if (keepSql) sqlTexts.push(text);
        if (/^\s*commit\s*$/i.test(text)) commitSentAt = performance.now();
      }
      if (type === SYNC || type === QUERY) {
        if (ready && outstanding === 0) roundTrips += 1;
        outstanding += 1;
      }
    });
    const fromServer = messageReader(false, (type) => {
      if (type !== READY) return;
      if (!ready) {
        ready = true;
        return;
      }
      statements += 1;
      outstanding = Math.max(0, outstanding - 1);
      if (commitSentAt !== null) {
        commitMs.push(performance.now() - commitSentAt);
        commitSentAt = null;
      }
    });
    // The client's first bytes are counted only once the session is ready; the SSL answer is one byte.
    let sslAnswered = false;
    client.on('data', (chunk: Buffer) => {
      fromClient(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!sslAnswered && !ready && chunk.length === 1 && chunk[0] === 'N'.charCodeAt(0)) sslAnswered = true;
      else fromServer(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts: () => ({ statements, roundTrips }),
    takeSql: () => {
      const taken = sqlTexts;
      sqlTexts = [];
      return taken;
    },
    takeCommitMs: () => {
      const taken = commitMs;
      commitMs = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The same database URL, pointed at the proxy. */
export function throughProxy(databaseUrl: string, proxy: PgProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}
