/**
 * Group commit for SQLite: the writes that are waiting at the same moment share one transaction, and
 * so one commit, instead of paying a commit each.
 *
 * Why: a commit writes every page the transaction touched to the WAL (and with synchronous=FULL syncs
 * it). An invoice create touches ~80 pages, most of them the same pages the next create touches (the
 * right edge of each index, counters, list counts, the products' rows), and its commit was about half
 * of its time (docs/performance.md). Committing ten creates together writes those pages once.
 *
 * How, and why it is still all-or-nothing per request:
 * - a write is queued; the queue is drained on the next turn of the event loop (setImmediate), so every
 *   request that arrived in the same turn joins the batch. A lone write waits for no timer.
 * - the batch holds the one SQLite connection: `BEGIN IMMEDIATE` (it takes the write lock up front, so
 *   a second process queues on busy_timeout instead of failing at its first write), then each write in its own
 *   `SAVEPOINT`. A write that fails is rolled back to its savepoint (nothing of it stays) and its caller
 *   gets its error at once; the others go on.
 * - the writes that succeeded are answered only after `COMMIT` returned: no client is told "done" before
 *   its rows are durable. If the commit fails, every one of them gets the error and nothing was written.
 * - if SQLite ends the transaction by itself (it does on some I/O and memory errors), the writes that
 *   had succeeded before in that batch are lost with it: they get that error, and the batch carries on
 *   with a fresh transaction for the rest.
 * - reads use the same connection, so they wait for the batch to commit and never see a write that is
 *   not yet committed (and might yet fail).
 */
import { sql } from 'kysely';
import type { Db } from './connection.js';

export type WriteWork<T> = (db: Db) => Promise<T>;

interface Job {
  work: WriteWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitStats {
  /** Transactions committed (or attempted). */
  batches: number;
  /** Writes run, failed ones included. */
  writes: number;
  /** The most writes one transaction held. */
  largestBatch: number;
}

export class GroupCommit {
  readonly stats: GroupCommitStats = { batches: 0, writes: 0, largestBatch: 0 };
  private queue: Job[] = [];
  private scheduled = false;

  /**
   * @param db the Kysely instance over the single SQLite connection
   * @param inTransaction whether SQLite has a transaction open (better-sqlite3's `inTransaction`)
   * @param maxBatch the most writes in one transaction; 1 turns grouping off
   */
  constructor(
    private readonly db: Db,
    private readonly inTransaction: () => boolean,
    private readonly maxBatch: number,
  ) {}

  run<T>(work: WriteWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as WriteWork<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.db.connection().execute(async (connection) => {
        while (this.queue.length > 0) await this.batch(connection, this.queue.splice(0, this.maxBatch));
      });
    } catch (error) {
      // Only reachable if the connection itself cannot be had (closed): fail whatever still waits.
      for (const job of this.queue.splice(0)) job.reject(error);
    } finally {
      this.scheduled = false;
      if (this.queue.length > 0) {
        this.scheduled = true;
        setImmediate(() => {
          void this.drain();
        });
      }
    }
  }

  private async batch(connection: Db, jobs: Job[]): Promise<void> {
    this.stats.largestBatch = Math.max(this.stats.largestBatch, jobs.length);
    const settled = new Set<Job>();
    const fail = (job: Job, error: unknown) => {
      settled.add(job);
      job.reject(error);
    };
    let done: Array<[Job, unknown]> = [];
    let open = false;
    try {
      for (const job of jobs) {
        if (!open) {
          this.stats.batches += 1;
          await sql`begin immediate`.execute(connection);
          open = true;
        }
        this.stats.writes += 1;
        await sql`savepoint daftar_write`.execute(connection);
        try {
          const result = await job.work(connection);
          await sql`release daftar_write`.execute(connection);
          done.push([job, result]);
        } catch (error) {
          if (this.inTransaction()) {
            await sql`rollback to daftar_write`.execute(connection);
            await sql`release daftar_write`.execute(connection);
          } else {
            // SQLite rolled the whole transaction back: the writes before this one are gone too.
            open = false;
            for (const [earlier] of done) fail(earlier, error);
            done = [];
          }
          fail(job, error);
        }
      }
      if (open) await sql`commit`.execute(connection);
    } catch (error) {
      // BEGIN, a savepoint step or COMMIT failed: nothing of this batch is written; all its writes not
      // answered yet get the error.
      if (this.inTransaction()) await sql`rollback`.execute(connection).catch(() => {});
      for (const job of jobs) if (!settled.has(job)) fail(job, error);
      return;
    }
    for (const [job, result] of done) job.resolve(result);
  }
}
