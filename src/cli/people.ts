/**
 * The `daftar` commands for people and scripts (commander): the same verbs for every resource of the
 * registry (`daftar invoices list|get|create|edit|delete`), reports, demo data and restore. Tables
 * for people, `--json` for scripts, a progress bar on long work (on stderr, only on a terminal), and
 * exit codes that mean something (EXIT below, docs/cli.md).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import {
  DaftarAuthenticationError,
  DaftarConnectionError,
  DaftarError,
  DaftarNotFoundError,
  DaftarServerError,
} from '../../packages/client/src/index.js';
import type { Operation, ResourceSpec } from '../engine/resource.js';
import { RESOURCES } from '../resources/index.js';
import { type Connection, UsageError, connect } from './connect.js';
import { details, table } from './table.js';
import { isStringList, recordAt, recordsOf } from '../guards.js';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The server refused the request (400, 409, 413, 429): fix the input. */
  refused: 3,
  notFound: 4,
  /** The key or token was refused. */
  unauthorised: 5,
  /** The server or its database could not answer (5xx, no reply): try again later. */
  unavailable: 6,
} as const;

/** `purchase_invoices` is also `purchase-invoices` on the command line. */
const cliName = (spec: ResourceSpec) => spec.name.replace(/_/g, '-');

const PREFERRED_COLUMNS = [
  'no',
  'number',
  'business_name',
  'name',
  'client_business_name',
  'supplier_business_name',
  'title',
  'date',
  'amount',
  'summary_total',
  'summary_unpaid',
  'payment_status',
  'unit_price',
  'stock_balance',
  'value',
  'code',
  'email',
  'status',
];

function columnsOf(rows: Array<Record<string, unknown>>): string[] {
  // Columns that some row fills, in the preferred order.
  const filled = (column: string) =>
    rows.some((row) => row[column] !== null && row[column] !== undefined && row[column] !== '');
  return ['id', ...PREFERRED_COLUMNS.filter(filled)].slice(0, 8);
}

interface Common {
  json?: boolean;
  url?: string;
  key?: string;
  site?: string;
}

function print(value: unknown, options: Common, human: () => string): void {
  process.stdout.write(`${options.json ? JSON.stringify(value, null, 2) : human()}\n`);
}

function readBody(file: string): unknown {
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--filter client_id=3 --filter payment_status=0` → { client_id: '3', payment_status: '0' }. */
function filters(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`a filter is field=value, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function withConnection<T>(options: Common, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await connect(options);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

function connectionOptions(command: Command): Command {
  return command
    .option('--json', 'print JSON (for scripts) instead of a table')
    .option('--url <url>', 'a running server (default: DAFTAR_URL; without it, the local database)')
    .option('--key <key>', 'its API key (default: DAFTAR_API_KEY)')
    .option('--site <subdomain>', 'the site, when working on the local database (default: the default site)');
}

function resourceCommand(spec: ResourceSpec): Command {
  const has = (op: Operation) => spec.operations.includes(op);
  const resource = new Command(cliName(spec)).description(`${spec.title} records (/api2/${spec.name})`);
  if (spec.name !== cliName(spec)) resource.alias(spec.name);
  if (has('list')) {
    connectionOptions(resource.command('list').description(`list ${spec.title.toLowerCase()} records`))
      .option(
        '-f, --filter <field=value>',
        'filter by a field (repeatable)',
        (value: string, all: string[]) => [...all, value],
        [],
      )
      .option('--page <n>', 'page number', '1')
      .option('--limit <n>', 'records per page (at most 1000)', '20')
      .option('--all', 'every page')
      .action(async (options: Common & { filter: string[]; page: string; limit: string; all?: boolean }) => {
        await withConnection(options, async ({ daftar }) => {
          const client = daftar.resource<Record<string, unknown>>(spec.name, spec.model);
          const query = { ...filters(options.filter), limit: Number(options.limit) };
          if (options.all) {
            const rows: Array<Record<string, unknown>> = [];
            for await (const row of client.list(query)) rows.push(row);
            print(rows, options, () => `${table(rows, columnsOf(rows))}\n${rows.length} records`);
            return;
          }
          const page = await client.list(query).page(Number(options.page));
          print(
            page,
            options,
            () =>
              `${table(page.data, columnsOf(page.data))}\npage ${page.pagination.page} of ${page.pagination.page_count}, ${page.pagination.total_results} records`,
          );
        });
      });
  }
  if (has('get')) {
    connectionOptions(
      resource.command('get <id>').description(`one ${spec.title.toLowerCase()} record, with its lines`),
    ).action(async (id: string, options: Common) => {
      await withConnection(options, async ({ daftar }) => {
        const record = await daftar.resource<Record<string, unknown>>(spec.name, spec.model).get(id);
        print(record, options, () => details(record));
      });
    });
  }
  if (has('create')) {
    connectionOptions(
      resource
        .command('create')
        .description(`add a ${spec.title.toLowerCase()} from a JSON body ({"${spec.model}": {...}})`),
    )
      .requiredOption('--file <file>', 'the JSON body, or - for standard input')
      .action(async (options: Common & { file: string }) => {
        await withConnection(options, async ({ daftar }) => {
          const created = await daftar
            .resource(spec.name, spec.model)
            .create(readBody(options.file) as Record<string, unknown>);
          print(created, options, () => `created ${spec.title.toLowerCase()} ${created.id}`);
        });
      });
  }
  if (has('edit')) {
    connectionOptions(
      resource.command('edit <id>').description(`change a ${spec.title.toLowerCase()} from a JSON body`),
    )
      .requiredOption('--file <file>', 'the JSON body, or - for standard input')
      .action(async (id: string, options: Common & { file: string }) => {
        await withConnection(options, async ({ daftar }) => {
          await daftar.resource(spec.name, spec.model).update(id, readBody(options.file) as never);
          print({ id, result: 'successful' }, options, () => `edited ${spec.title.toLowerCase()} ${id}`);
        });
      });
  }
  if (has('delete')) {
    connectionOptions(resource.command('delete <id>').description(`delete a ${spec.title.toLowerCase()}`)).action(
      async (id: string, options: Common) => {
        await withConnection(options, async ({ daftar }) => {
          await daftar.resource(spec.name, spec.model).delete(id);
          print({ id, result: 'successful' }, options, () => `deleted ${spec.title.toLowerCase()} ${id}`);
        });
      },
    );
  }
  return resource;
}

const REPORT_NAMES = [
  'trial_balance',
  'profit_and_loss',
  'balance_sheet',
  'general_ledger',
  'client_statement',
  'aged_receivables',
  'aged_payables',
  'stock_valuation',
];

function reportsCommand(): Command {
  const reports = new Command('reports').description('the books as reports (from the journals and the stock ledger)');
  for (const name of REPORT_NAMES) {
    connectionOptions(
      reports
        .command(name.replace(/_/g, '-'))
        .alias(name)
        .description(`the ${name.replace(/_/g, ' ')}`),
    )
      .option('--from <date>', 'first day, YYYY-MM-DD')
      .option('--to <date>', 'last day, YYYY-MM-DD (default today)')
      .option('--client <id>', 'client_id (client statement)')
      .option('--account <id>', 'journal_account_id (general ledger)')
      .option('--store <id>', 'store_id (stock valuation)')
      .option('--csv', 'print CSV')
      .action(
        async (
          options: Common & {
            from?: string;
            to?: string;
            client?: string;
            account?: string;
            store?: string;
            csv?: boolean;
          },
        ) => {
          const query = {
            date_from: options.from,
            date_to: options.to,
            client_id: options.client,
            journal_account_id: options.account,
            store_id: options.store,
          };
          await withConnection(options, async ({ daftar }) => {
            if (options.csv) {
              process.stdout.write(await daftar.request<string>('GET', `/api2/reports/${name}.csv`, { query }));
              return;
            }
            const report = await daftar.report(name, query);
            const rows = recordsOf(report['rows']);
            const listed = report['columns'];
            const columns = isStringList(listed) ? listed : Object.keys(rows[0] ?? {});
            print(report, options, () => {
              const totals = recordAt(report, 'totals');
              const heading = `${String(report['title'] ?? name)} — ${report['date_from'] ?? 'start'} to ${report['date_to'] ?? 'today'} (${report['currency_code'] ?? ''})`;
              return [heading, '', table(rows, columns), ...(totals ? ['', details(totals)] : [])].join('\n');
            });
          });
        },
      );
  }
  return reports;
}

function demoCommand(): Command {
  return connectionOptions(
    new Command('demo').description(
      "fill a site with a year of a small Saudi shop's business (deterministic for a seed)",
    ),
  )
    .option('--seed <n>', 'the seed', '42')
    .option('--months <n>', 'how many months, ending this month', '12')
    .action(async (options: Common & { seed: string; months: string }) => {
      options.site ??= 'demo';
      const months = Number(options.months);
      if (!Number.isInteger(months) || months < 1 || months > 60)
        throw new UsageError('--months is a whole number from 1 to 60');
      const { ensureDemoSite } = await import('./demo-site.js');
      const created = options.url || process.env['DAFTAR_URL'] ? undefined : await ensureDemoSite(options.site!);
      const { runDemo } = await import('./demo.js');
      const bar = await progressBar('demo');
      const summary = await withConnection(options, ({ daftar }) =>
        runDemo(daftar, {
          seed: Number(options.seed),
          months,
          onProgress: (done, total) => bar.update(done, total),
        }),
      ).finally(() => bar.stop());
      print({ ...summary, ...(created ? { site: created } : {}) }, options, () =>
        [
          `demo data written: ${Object.entries(summary)
            .map(([k, v]) => `${v} ${k.replace(/_/g, ' ')}`)
            .join(', ')}`,
          ...(created
            ? [
                `site "${created.subdomain}": API key ${created.api_key}, owner ${created.owner_email} / ${created.owner_password ?? '(as set)'}`,
              ]
            : []),
          `try: daftar reports profit-and-loss${options.site ? ` --site ${options.site}` : ''}`,
        ].join('\n'),
      );
    });
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (scripts, CI). */
export async function progressBar(label: string): Promise<{ update(done: number, total: number): void; stop(): void }> {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function program(): Command {
  const root = new Command('daftar').description(
    'Daftar: invoicing, accounting and inventory, wire-compatible with Daftra',
  );
  for (const spec of RESOURCES.filter((s) => s.operations.length > 0)) root.addCommand(resourceCommand(spec));
  root.addCommand(reportsCommand());
  root.addCommand(demoCommand());
  // Commands added with addCommand do not inherit these: every mistake must reach runPeopleCommand.
  const override = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) });
    command.commands.forEach(override);
  };
  override(root);
  return root;
}

/** The commands this module answers (the admin commands stay in cli.ts). */
export function answers(command: string | undefined): boolean {
  if (!command) return false;
  return (
    command === 'reports' ||
    command === 'demo' ||
    RESOURCES.some((s) => s.operations.length > 0 && (s.name === command || cliName(s) === command))
  );
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof DaftarNotFoundError) return EXIT.notFound;
  if (error instanceof DaftarAuthenticationError) return EXIT.unauthorised;
  if (error instanceof DaftarServerError || error instanceof DaftarConnectionError) return EXIT.unavailable;
  if (error instanceof DaftarError) return EXIT.refused;
  return EXIT.failed;
}

function describe(error: unknown): string {
  if (error instanceof DaftarError) {
    const fields = Object.entries(error.validationErrors)
      .map(([field, why]) => `\n  ${field}: ${why}`)
      .join('');
    return `${error.status ? `${error.status} ` : ''}${error.message}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function runPeopleCommand(args: string[]): Promise<number> {
  try {
    await program().parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help exits 0; help shown because the command was incomplete or wrong is a usage mistake.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`daftar: ${describe(error)}\n`);
    return exitCodeOf(error);
  }
}
