/**
 * Fewer round trips to PostgreSQL (issue 15). node-postgres sends one statement and waits for its answer
 * before the next, so every statement of a write is a loopback round trip. PostgreSQL's simple query
 * protocol takes several `;`-separated statements in one message and answers them in order, so a
 * statement whose answer nobody waits for can travel with the next one:
 *
 * - `BEGIN` is not sent on its own: it goes in front of the transaction's first statement (and a
 *   transaction that sent nothing commits or rolls back without a word to the server).
 * - **Deferred writes** (`defer`): a write whose result the caller does not use (the audit row, stock
 *   positions, product balances, journals) is queued and sent in front of the next statement of the
 *   same transaction, or with its COMMIT. Statements still run in the order the write issued them, so
 *   every later read sees them; only the moment the server hears of them moves. A deferred write that
 *   fails fails the statement it travels with (the same error, the transaction rolled back: nothing
 *   half-written). Nothing in the write path catches database errors to carry on, so the reply is the
 *   same.
 * - **Reads together** (`readTogether`): independent reads of one step in one message.
 *
 * To travel in one simple-protocol message a statement's parameters are written into its text as
 * literals (`inlineSql`). That is only done when it is exact: every value becomes a quoted string
 * literal (`'…'`, type unknown), which PostgreSQL types from its context exactly as it types an
 * untyped parameter (node-postgres sends every parameter as untyped text), after the same conversion
 * node-postgres makes (`prepareValue`: numbers, bigints and booleans as their text, dates, arrays,
 * JSON). Quotes are doubled and, when a backslash occurs, the literal is written `E'…'` with the
 * backslashes doubled (node-postgres's `escapeLiteral`), which reads back the same string whatever
 * `standard_conforming_strings` says. A value holding NUL (which a C string would cut short), a
 * Buffer (sent in binary), a placeholder used twice (a parameter has one type for all its uses, two
 * literals would each get their own), or a statement whose text has anything but plain `$n`
 * placeholders outside quotes (a `$tag$` string, a backslash, a comment) is never inlined: it is sent as before, on its own,
 * after whatever was queued. SQLite has no round trips: there `defer` runs the write at once and
 * `readTogether` runs the reads one after another.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type pg from 'pg';
import type { Db, DialectName } from './connection.js';
import { lazyModule } from '../lazy-module.js';

/** node-postgres, and its own value rendering, loaded on first use: a SQLite server never needs them. */
export const pgDriver = lazyModule<typeof pg>('pg');
const pgUtils = lazyModule<{ prepareValue(value: unknown): unknown }>('pg/lib/utils');

/** A value as an SQL literal with the meaning it has as an untyped parameter, or undefined if that cannot be exact. */
export function sqlLiteral(value: unknown): string | undefined {
  const prepared = pgUtils().prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  if (typeof prepared !== 'string') return undefined; // a Buffer: node-postgres sends it in binary
  if (prepared.includes('\0')) return undefined;
  return pgDriver().escapeLiteral(prepared);
}

/**
 * `text` with each `$n` replaced by the literal of `parameters[n-1]`, or undefined when that is not
 * certainly exact (see the file's comment). Quoted strings and identifiers are copied as they are.
 */
export function inlineSql(text: string, parameters: readonly unknown[]): string | undefined {
  if (parameters.length === 0) return text.includes('\0') ? undefined : text;
  const literals: Array<string | undefined> = [];
  let out = '';
  let start = 0;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 39 /* ' */ || char === 34 /* " */) {
      // A quoted string or identifier: to its closing quote (a doubled quote stays inside).
      let end = index + 1;
      for (;;) {
        end = text.indexOf(text[index]!, end);
        if (end < 0) return undefined;
        if (text.charCodeAt(end + 1) === char) end += 2;
        else break;
      }
      index = end;
    } else if (char === 36 /* $ */) {
      let end = index + 1;
      while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
      // `$` not followed by digits is a dollar-quoted string (or part of an identifier): not ours to read.
      if (end === index + 1) return undefined;
      const position = Number(text.slice(index + 1, end));
      if (position < 1 || position > parameters.length) return undefined;
      // A parameter used twice has one type for both uses; two literals would be typed apart.
      if (literals[position - 1] !== undefined) return undefined;
      const literal = sqlLiteral(parameters[position - 1]);
      if (literal === undefined) return undefined;
      literals[position - 1] = literal;
      out += text.slice(start, index) + literal;
      start = end;
      index = end - 1;
    } else if (char === 92 /* \ */ || char === 0) {
      return undefined;
    } else if ((char === 45 /* - */ || char === 47) /* / */ && text.charCodeAt(index + 1) === (char === 45 ? 45 : 42)) {
      return undefined; // a comment could hide a quote
    }
  }
  return out + text.slice(start);
}

const DEFER = '/*daftar:defer*/';
/** A statement that only reads (anything else, `with …` included, counts as a write). */
const READ = /^\s*select\s/i;
const TOGETHER = '/*daftar:together*/';

interface PgResult {
  command: string;
  rowCount: number | null;
  rows: unknown[];
  fields?: unknown[];
}

function emptyResult(command: string): PgResult {
  return { command, rowCount: 0, rows: [], fields: [] };
}

/** The answer of the last statement of a message (node-postgres gives an array for several). */
function lastOf(result: PgResult | PgResult[]): PgResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Makes a node-postgres client class send BEGIN and deferred writes with the next statement. Only the
 * promise form `query(text, values)` that Kysely uses is handled; anything else (a cursor, a config
 * object, a callback) is sent as before, after whatever is queued.
 */
// biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor must take any[] (TypeScript's rule for mixins)
export function batchingClient<T extends new (...args: any[]) => pg.Client>(Base: T): T {
  return class BatchingClient extends Base {
    /** Statements held back, as text, to go in front of the next one; `begin` first when not yet sent. */
    pending: string[] = [];
    /** True while a BEGIN has been asked for and not sent: nothing of the transaction reached the server. */
    beginPending = false;
    /** Whether anything but a read was sent since the pool handed the client out (caller-watch.ts). */
    wrote = false;

    /** node-postgres's own query, unbatched, with whatever arguments it was given. */
    private send(...args: unknown[]): Promise<unknown> {
      return (super.query as QueryFn).apply(this, args);
    }

    /** node-postgres's own text query: one result, or one per statement of a message of several. */
    private async sendText(text: string, values?: readonly unknown[]): Promise<PgResult | PgResult[]> {
      return (await this.send(...(values === undefined ? [text] : [text, values]))) as PgResult | PgResult[];
    }

    /** Forgets what was held back (the pool calls it on release: a transaction never outlives its client). */
    resetBatch(): void {
      this.pending = [];
      this.beginPending = false;
      this.wrote = false;
    }

    private async sendPending(): Promise<void> {
      if (this.pending.length === 0) return;
      const text = this.pending.join(';\n');
      this.pending = [];
      this.beginPending = false;
      await this.sendText(text);
    }

    /** `statements` sent after what is queued, in one message; the answers of `statements`, in order. */
    private async sendWithPending(statements: string[]): Promise<PgResult[]> {
      const before = this.pending.length;
      const text = [...this.pending, ...statements].join(';\n');
      this.pending = [];
      this.beginPending = false;
      const raw = await this.sendText(text);
      const results = Array.isArray(raw) ? raw : [raw];
      return results.slice(before);
    }

    // biome-ignore lint/suspicious/noExplicitAny: node-postgres's overloads answer a promise, a result or a submittable
    override query(...args: unknown[]): any {
      const [text, values] = args;
      if (typeof text !== 'string' || args.length > 2 || (values !== undefined && !Array.isArray(values))) {
        this.wrote = true; // not ours to read: counted as a write
        if (this.pending.length === 0) return this.send(...args);
        const queued = this.sendPending();
        // A callback-style call cannot wait; node-postgres keeps calls in order, so queue it behind.
        if (typeof args[args.length - 1] === 'function') {
          queued.catch(() => {});
          return this.send(...args);
        }
        return queued.then(() => this.send(...args));
      }
      return this.batched(text, (values as unknown[] | undefined) ?? []);
    }

    private async batched(text: string, values: unknown[]): Promise<unknown> {
      if (text === 'begin' && values.length === 0) {
        if (this.pending.length > 0) await this.sendPending();
        this.pending = ['begin'];
        this.beginPending = true;
        return emptyResult('BEGIN');
      }
      if ((text === 'commit' || text === 'rollback') && values.length === 0) {
        if (this.beginPending && (text === 'rollback' || this.pending.length === 1)) {
          // Nothing of this transaction reached the server: nothing to end (a rollback drops the queue).
          this.resetBatch();
          return emptyResult(text === 'commit' ? 'COMMIT' : 'ROLLBACK');
        }
        if (text === 'rollback') {
          this.resetBatch();
          return this.sendText(text);
        }
        return lastOf(await this.sendWithPending([text]));
      }
      if (text.startsWith(DEFER)) {
        this.wrote = true;
        const inlined = inlineSql(text.slice(DEFER.length), values);
        if (inlined !== undefined) {
          this.pending.push(inlined);
          return emptyResult('DEFERRED');
        }
        await this.sendPending();
        return this.sendText(text.slice(DEFER.length), values);
      }
      if (text === TOGETHER) {
        const parts = values as Array<{ sql: string; parameters: readonly unknown[] }>;
        const inlined = parts.map((part) => inlineSql(part.sql, part.parameters));
        let results: PgResult[];
        if (inlined.every((statement) => statement !== undefined)) {
          results = await this.sendWithPending(inlined as string[]);
        } else {
          await this.sendPending();
          results = [];
          for (const part of parts) results.push(lastOf(await this.sendText(part.sql, [...part.parameters])));
        }
        return { command: 'SELECT', rowCount: results.length, rows: [{ results: results.map((r) => r.rows) }] };
      }
      if (!READ.test(text)) this.wrote = true;
      if (this.pending.length > 0) {
        const inlined = inlineSql(text, values);
        if (inlined !== undefined) return lastOf(await this.sendWithPending([inlined]));
        await this.sendPending();
      }
      return this.sendText(text, values);
    }
  };
}

/**
 * Runs a write whose result the caller does not need. PostgreSQL: sent with the transaction's next
 * statement or its COMMIT (see above); SQLite: now. Only for writes that can fail only as the whole
 * transaction fails (no error the caller would handle), inside a transaction.
 */
export async function defer(db: Db, dialect: DialectName, query: Compilable): Promise<void> {
  await deferCompiled(db, dialect, query.compile());
}

/** `defer` for a statement already compiled. */
export async function deferCompiled(db: Db, dialect: DialectName, compiled: CompiledQuery): Promise<void> {
  if (dialect !== 'postgres') {
    await db.executeQuery(compiled);
    return;
  }
  await db.executeQuery(CompiledQuery.raw(DEFER + compiled.sql, [...compiled.parameters]));
}

/**
 * Runs independent reads and returns their rows in order. PostgreSQL: one message when their values
 * can be inlined (and with whatever is queued in front); SQLite: one after another.
 */
export async function readTogether(
  db: Db,
  dialect: DialectName,
  queries: ReadonlyArray<Compilable | CompiledQuery>,
): Promise<Array<Array<Record<string, unknown>>>> {
  const compiled = queries.map((query) => ('compile' in query ? query.compile() : query));
  if (dialect !== 'postgres' || compiled.length < 2) {
    const rows: Array<Array<Record<string, unknown>>> = [];
    for (const query of compiled) rows.push((await db.executeQuery(query)).rows as Array<Record<string, unknown>>);
    return rows;
  }
  const parts = compiled.map((query) => ({ sql: query.sql, parameters: query.parameters }));
  const result = await db.executeQuery(CompiledQuery.raw(TOGETHER, parts));
  return (result.rows[0] as { results: Array<Array<Record<string, unknown>>> }).results;
}

/** The first key of the site write locks (`DAFT` in ASCII); the second is the site id. */
const SITE_LOCK_CLASS = 0x44414654;

/**
 * PostgreSQL: makes this transaction the site's only writer until it ends (a transaction-level advisory
 * lock on the site id; other sites' writes run in parallel). Every write of a site updates the same
 * running-total rows (account_month_totals, open_amounts, stock_positions, the numbering counters),
 * each in the order its own document needs — an invoice's open amount before its journal, a
 * payment's journal before the invoice it pays — so two writes of one site took those row locks in
 * opposite orders and deadlocked, and PostgreSQL only notices a deadlock after `deadlock_timeout`
 * (1 s): measured, 6 concurrent writers of one client got 14 deadlocks and 21 replies in 13 s.
 * Taken first, the lock turns that into a queue, which is what SQLite's single writer gives anyway.
 * It is deferred, so it travels with the transaction's first statement: no round trip of its own.
 * SQLite: nothing (one writer at a time already).
 */
export async function lockSiteWrites(db: Db, dialect: DialectName, siteId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await deferCompiled(
    db,
    dialect,
    CompiledQuery.raw('select pg_advisory_xact_lock($1, $2)', [SITE_LOCK_CLASS, siteId]),
  );
}
