/**
 * The "naive Fastify + SQLite handler" the ratios were set against, as a baseline of the same
 * run: Fastify with its defaults and better-sqlite3, no key check, no validation, no numbering, no
 * books. Same routes as json-server, so the same load drives it:
 *
 * - `GET /hello`: Fastify's own ceiling (a constant object);
 * - `GET /invoices/:id`: the invoice row and its lines from the benchmark's data set;
 * - `POST /invoices`: the body's invoice and lines written in one transaction to a file of its own
 *   (WAL, synchronous=FULL, as Daftar's default).
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const data = new Database(process.env['DATA_FILE']!, { fileMustExist: true });
data.pragma('query_only = ON');
const invoiceById = data.prepare('select * from invoices where id = ?');
const linesOf = data.prepare('select * from invoice_items where invoice_id = ? order by id');

const own = new Database(process.env['WRITE_FILE']!);
own.pragma('journal_mode = WAL');
own.pragma('synchronous = FULL');
own.exec(`create table if not exists invoices (id integer primary key, client_id integer, notes text, created text);
  create table if not exists invoice_items (id integer primary key, invoice_id integer not null, product_id integer, quantity real, tax1 integer)`);
const insertInvoice = own.prepare('insert into invoices (client_id, notes, created) values (?, ?, ?)');
const insertLine = own.prepare(
  'insert into invoice_items (invoice_id, product_id, quantity, tax1) values (?, ?, ?, ?)',
);

interface Body {
  Invoice?: { client_id?: number; notes?: string };
  InvoiceItem?: Array<{ product_id?: number; quantity?: number; tax1?: number }>;
}
const create = own.transaction((body: Body) => {
  const id = Number(
    insertInvoice.run(body.Invoice?.client_id ?? null, body.Invoice?.notes ?? null, new Date().toISOString())
      .lastInsertRowid,
  );
  for (const line of body.InvoiceItem ?? [])
    insertLine.run(id, line.product_id ?? null, line.quantity ?? null, line.tax1 ?? null);
  return id;
});

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/invoices/:id', async (request, reply) => {
  const invoice = invoiceById.get(Number((request.params as { id: string }).id)) as Record<string, unknown> | undefined;
  if (!invoice) return reply.code(404).send({ error: 'not found' });
  return { ...invoice, items: linesOf.all(invoice['id']) };
});
app.post('/invoices', async (request, reply) => reply.code(201).send({ id: create(request.body as Body) }));
await app.listen({ port: Number(process.env['PORT'] ?? 8090), host: '127.0.0.1' });
process.on('SIGTERM', () => process.exit(0));
