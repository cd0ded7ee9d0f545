/**
 * What the trigger-kept running totals share (db/account-totals.ts, db/stock-totals.ts,
 * db/open-amounts.ts): amounts split in two parts so no total can overflow SQLite's 64-bit integers,
 * an upsert that adds a signed delta to a total's row, and the insert, delete and update triggers that
 * take an old row's delta away and add a new row's, on both engines.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from './connection.js';

const SPLIT = '1000000000';

/**
 * An amount as its two parts, value / 10^9 and value % 10^9: both engines truncate toward zero, so
 * the parts carry the sign and high × 10^9 + low is the amount exactly (the split of db/exact-sum.ts).
 */
export const splitParts = (value: string): [string, string] => [`${value} / ${SPLIT}`, `${value} % ${SPLIT}`];

/**
 * `insert … select` of deltas from `source` (which selects the `key` columns, then the `summed` ones,
 * in that order), added to the row of the same key when there is one.
 */
export function addingUpsert(table: string, key: readonly string[], summed: readonly string[], source: string): string {
  return `insert into ${table}
      (${[...key, ...summed].join(', ')})
    ${source}
    on conflict (${key.join(', ')}) do update set
      ${summed.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(',\n      ')}`;
}

export interface DeltaTriggers {
  /** The table whose rows the totals follow. */
  table: string;
  /** The triggers are `${name}_insert`, `${name}_delete` and `${name}_update`. */
  name: string;
  /** The PostgreSQL trigger function's name. */
  fn: string;
  /** The columns the totals read: an update of any other fires nothing. */
  watched: readonly string[];
  /** The statements that add (+1) or take away (−1) row `new` or `old`. */
  delta: (row: 'new' | 'old', sign: 1 | -1) => string;
}

/** Creates the triggers: a row inserted adds its delta, deleted takes it away, updated does both. */
export async function createDeltaTriggers(db: Db, dialect: DialectName, spec: DeltaTriggers): Promise<void> {
  const { table, name, fn, delta } = spec;
  const differ = dialect === 'sqlite' ? 'is not' : 'is distinct from';
  const changed = spec.watched.map((c) => `old.${c} ${differ} new.${c}`).join(' or ');
  const watched = spec.watched.map((c) => `"${c}"`).join(', ');
  const statements =
    dialect === 'sqlite'
      ? [
          `create trigger "${name}_insert" after insert on "${table}"
        begin ${delta('new', 1)}; end`,
          `create trigger "${name}_delete" after delete on "${table}"
        begin ${delta('old', -1)}; end`,
          `create trigger "${name}_update" after update of ${watched} on "${table}"
        when ${changed} begin ${delta('old', -1)}; ${delta('new', 1)}; end`,
        ]
      : [
          `create or replace function "${fn}"() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then ${delta('old', -1)}; end if;
        if tg_op in ('UPDATE', 'INSERT') then ${delta('new', 1)}; end if;
        return null;
      end $$`,
          `create trigger "${name}_insert" after insert on "${table}"
      for each row execute function "${fn}"()`,
          `create trigger "${name}_delete" after delete on "${table}"
      for each row execute function "${fn}"()`,
          `create trigger "${name}_update" after update of ${watched} on "${table}"
      for each row when (${changed}) execute function "${fn}"()`,
        ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
