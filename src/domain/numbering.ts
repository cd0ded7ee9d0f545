/**
 * Document numbers (`no`, `client_number`, `number`): a counter row per site and sequence, bumped with
 * an upsert inside the document's transaction. On PostgreSQL the upsert takes a row lock, so concurrent
 * creations in several processes get distinct numbers; on SQLite writes are serialized anyway.
 *
 * A client may set numbers by hand, ahead of the counter. The counter then skips the numbers taken: it
 * looks at the next WINDOW candidates in one query, takes the first free one and moves the counter to
 * it, so a block of 1,000 hand-set numbers costs five queries, not a thousand (and not a 500).
 *
 * Every numbered record (sales and purchase documents, clients, suppliers, work orders, requisitions,
 * journals) settles its number through `settleNumber`, under one rule for blanks: a number that is
 * absent, null, empty or only whitespace is blank and drawn from the sequence; any other is kept
 * exactly as sent and must not be another record's (in the same table and scope).
 */
import { sql } from 'kysely';
import { readTogether } from '../db/trips.js';
import { DaftarError, fieldError } from './errors.js';
import type { Context } from './context.js';
import { scoped } from '../db/scoped.js';

/** Digits of a generated number: 000001. */
export const NUMBER_WIDTH = 6;
/** Candidates looked at per query. */
const WINDOW = 200;
/** Queries per request before giving up: 50 × 200 = 10,000 taken numbers in a row. */
const WINDOWS_MAX = 50;

/** Which of `candidates` are already used (a set of the used ones). */
export type TakenAmong = (candidates: string[]) => Promise<Set<string>>;

const format = (value: number) => String(value).padStart(NUMBER_WIDTH, '0');

function bumpQuery(context: Context, key: string) {
  return sql<{ value: number | string }>`
    insert into counters (site_id, key, value) values (${context.siteId}, ${key}, 1)
    on conflict (site_id, key) do update set value = counters.value + 1
    returning value`;
}

async function bump(context: Context, key: string): Promise<number> {
  const { rows } = await bumpQuery(context, key).execute(context.db);
  return Number(rows[0]!.value);
}

/** The counter's first window, drawn and checked: what `bump` and the first `takenAmong` answer. */
interface Opening {
  first: number;
  taken: Set<string>;
}

/** Moves the counter to `value` (never back), inside the same transaction that holds its row lock. */
async function advance(context: Context, key: string, value: number): Promise<void> {
  await scoped(context, 'counters')
    .updateTable()
    .set({ value })
    .where('key', '=', key)
    .where('value', '<', value)
    .execute();
}

/**
 * The next free number of a sequence. `takenAmong` says which candidates are already used. Bounded:
 * after 10,000 taken numbers in a row the counter is left past them and the client is told to retry
 * (409), which then goes on from there.
 */
export async function nextNumber(
  context: Context,
  key: string,
  takenAmong: TakenAmong,
  open?: () => Promise<Opening>,
): Promise<string> {
  const opening = open ? await open() : undefined;
  const first = opening ? opening.first : await bump(context, key);
  for (let window = 0; window < WINDOWS_MAX; window += 1) {
    const start = first + window * WINDOW;
    const candidates = Array.from({ length: WINDOW }, (_, index) => format(start + index));
    const taken = window === 0 && opening ? opening.taken : await takenAmong(candidates);
    const index = candidates.findIndex((candidate) => !taken.has(candidate));
    if (index >= 0) {
      if (start + index !== first) await advance(context, key, start + index);
      return candidates[index]!;
    }
  }
  await advance(context, key, first + WINDOWS_MAX * WINDOW - 1);
  throw new DaftarError(
    'DAFTAR_ERR_CONFLICT',
    `The next ${WINDOWS_MAX * WINDOW} numbers of this sequence are all taken; retry the request, or send the number yourself`,
  );
}

/** Whether `column = value` is used by another row of `table` in the site (optionally within a scope). */
export async function valueTaken(
  context: Context,
  table: string,
  column: string,
  value: string,
  exceptId: number | undefined,
  scope?: Record<string, unknown>,
): Promise<boolean> {
  return (await takenAmong(context, table, column, [value], exceptId, scope)).has(value);
}

/** Which of `values` of `column` are used by another row of `table` in the site (optionally within a scope). */
export async function takenAmong(
  context: Context,
  table: string,
  column: string,
  values: string[],
  exceptId: number | undefined,
  scope?: Record<string, unknown>,
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await usedQuery(context, table, column, exceptId, scope).where(column, 'in', values).execute();
  return new Set(rows.map((row) => String(row[column])));
}

/** The values of `column` of the site's other rows of `table` (within `scope`), to be narrowed by the caller. */
function usedQuery(
  context: Context,
  table: string,
  column: string,
  exceptId: number | undefined,
  scope: Record<string, unknown> | undefined,
) {
  let query = context.db.selectFrom(table).select(column).where('site_id', '=', context.siteId);
  for (const [key, scoped] of Object.entries(scope ?? {})) query = query.where(key, '=', scoped);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query;
}

/**
 * PostgreSQL: the counter bumped and its first window checked in one message (one round trip, not
 * two). Still two statements, run one after the other: the check takes its snapshot after the bump
 * was granted the counter's row lock, as a second round trip's did, so it sees every number committed
 * by whoever held the lock before. It reads its candidates from the counter row the bump just wrote
 * (a transaction sees its own writes), formatted as `format` does (`lpad` only up to the width: a
 * longer number is kept whole).
 */
async function openWindow(context: Context, rule: NumberRule, exceptId: number | undefined): Promise<Opening> {
  const candidates = sql`(select lpad(n::text, greatest(${sql.lit(NUMBER_WIDTH)}, length(n::text)), '0')
    from counters c cross join generate_series(c.value, c.value + ${sql.lit(WINDOW - 1)}) as n
    where c.site_id = ${context.siteId} and c.key = ${rule.sequence})`;
  const [bumped, used] = await readTogether(context.db, context.dialect, [
    bumpQuery(context, rule.sequence).compile(context.db),
    usedQuery(context, rule.table, rule.column, exceptId, rule.scope).where(rule.column, 'in', candidates),
  ]);
  return {
    first: Number(bumped![0]!['value']),
    taken: new Set(used!.map((row) => String(row[rule.column]))),
  };
}

/** How one resource numbers its records. */
export interface NumberRule {
  table: string;
  column: string;
  /** The counter's key (`invoice`, `client`, ...). */
  sequence: string;
  /** Columns whose values the number is unique within (a sales document's type). */
  scope?: Record<string, unknown>;
  /** The problem a number set by hand that another record has is refused with (a 400 naming `column`). */
  takenProblem: (number: string) => string;
  /** false: a number set by hand may repeat (manual journals, whose numbers Daftra does not check). */
  unique?: boolean;
}

/** Whether a number is blank, and so drawn from the sequence: absent, null, empty or only whitespace. */
export function isBlankNumber(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The number a record keeps: the one it was sent, unchanged, when it is not blank (refused when
 * another record of the table and scope has it), else the next free one of the rule's sequence.
 * `exceptId` is the record's own id on an edit, so keeping its number is no clash.
 * @example settleNumber(context, clientNumbers, '  ', undefined) → '000042' (blank: the next client number)
 * @example settleNumber(context, clientNumbers, 'C-7', 5) → 'C-7', or a 400 on client_number when another client has it
 */
export async function settleNumber(
  context: Context,
  rule: NumberRule,
  value: unknown,
  exceptId: number | undefined,
): Promise<string> {
  if (isBlankNumber(value)) {
    return nextNumber(
      context,
      rule.sequence,
      (candidates) => takenAmong(context, rule.table, rule.column, candidates, exceptId, rule.scope),
      context.dialect === 'postgres' ? () => openWindow(context, rule, exceptId) : undefined,
    );
  }
  const number = String(value);
  if (rule.unique !== false && (await valueTaken(context, rule.table, rule.column, number, exceptId, rule.scope))) {
    throw fieldError(rule.column, rule.takenProblem(number));
  }
  return number;
}
