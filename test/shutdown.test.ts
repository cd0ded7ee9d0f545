// Graceful shutdown of the real server process: SIGTERM in the middle of a burst of writes lets every
// request already received finish with its reply, then the process exits 0.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { freePort } from './support/processes.js';

const KEY = 'shutdown-test-key-0123456789';

async function started(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is serving on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

it('SIGTERM lets in-flight writes finish and exits 0', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      DAFTAR_DATA_DIR: dir,
      DAFTAR_API_KEY: KEY,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await started(child);
    const base = `http://127.0.0.1:${port}`;
    const headers = { apikey: KEY, 'content-type': 'application/json' };
    const client = (await (
      await fetch(`${base}/api2/clients.json`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ Client: { business_name: 'Shutdown' } }),
      })
    ).json()) as { id: string };
    const body = JSON.stringify({
      Invoice: { client_id: client.id },
      InvoiceItem: Array.from({ length: 20 }, (_, i) => ({ item: `line ${i}`, unit_price: i + 1 })),
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The signal goes when the first reply comes back: the rest of the burst is then inside the server.
    let signalled = 0;
    const burst = Array.from({ length: 40 }, () =>
      fetch(`${base}/api2/invoices.json`, { method: 'POST', headers, body }).then(
        async (reply) => {
          if (signalled === 0) {
            signalled = Date.now();
            child.kill('SIGTERM');
          }
          return { status: reply.status, text: await reply.text(), at: Date.now() };
        },
        (error: unknown) => ({ status: 0, text: String(error), at: Date.now() }),
      ),
    );
    const replies = await Promise.all(burst);
    assert.equal(await exited, 0, 'a clean exit');
    const answered = replies.filter((reply) => reply.status === 202);
    assert.ok(
      answered.length > 1,
      `requests in flight when the signal came finished: ${JSON.stringify(replies.map((r) => r.status))}`,
    );
    // Requests that arrive after the signal are turned away whole (503, or no connection), never half done.
    for (const reply of replies.filter((r) => r.status !== 202)) {
      assert.ok(reply.status === 0 || reply.status === 503, `${reply.status}: ${reply.text}`);
      if (reply.status === 503) assert.equal(JSON.parse(reply.text).result, 'failed', reply.text);
    }
    const db = new Sqlite(path.join(dir, 'db.sqlite'), { readonly: true });
    const invoices = (db.prepare('select count(*) as n from invoices').get() as { n: number }).n;
    const lines = (db.prepare('select count(*) as n from invoice_items').get() as { n: number }).n;
    db.close();
    assert.equal(invoices, answered.length, 'every answered create is stored, and nothing else');
    assert.equal(lines, invoices * 20, 'whole documents only');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
