/**
 * The reference's "Quick start" and "Concepts" pages: Markdown in the OpenAPI document's
 * `info.description`, which the reference at /docs renders as its opening sections (each `#` heading
 * becomes an entry of its navigation). Kept beside the code so a change of behaviour and its
 * explanation land together.
 */
export const GUIDE = `
Daftar speaks Daftra's \`/api2\` wire format: a program written for Daftra works by changing its base
URL and key. Every operation below can be tried from this page with your own key.

# Quick start

1. Start the server (\`npm ci && npm start\`). On first start it prints the default site's **API key**
   and owner login.
2. Put that key in the \`apikey\` value under **Authentication** (beside this text): every
   **Test Request** sends it.
3. Try \`GET /api2/site_info.json\`: it answers your site, its currency and its settings.
4. Create a client, a product and an invoice:

\`\`\`sh
KEY=dft_…; B=http://localhost:8080/api2
curl -s -H "apikey: $KEY" -H 'Content-Type: application/json' $B/clients.json \\
  -d '{"Client":{"business_name":"Acme Trading","email":"ap@acme.example"}}'
curl -s -H "apikey: $KEY" -H 'Content-Type: application/json' $B/products.json \\
  -d '{"Product":{"name":"Pen","unit_price":"19.99","track_stock":1,"stock_balance":100}}'
curl -s -H "apikey: $KEY" -H 'Content-Type: application/json' $B/invoices.json \\
  -d '{"Invoice":{"client_id":1},"InvoiceItem":[{"product_id":1,"quantity":3}]}'
\`\`\`

5. Or use the typed client (\`packages/client\`, published as \`@daftar/client\`):

\`\`\`js
import { Daftar } from '@daftar/client';
const daftar = new Daftar({ baseUrl: 'http://localhost:8080', apiKey: process.env.DAFTAR_API_KEY });
const { id } = await daftar.invoices.create({ Invoice: { client_id: 1 }, InvoiceItem: [{ product_id: 1, quantity: 3 }] });
for await (const invoice of daftar.invoices.list({ client_id: 1 })) console.log(invoice.no, invoice.summary_total);
\`\`\`

# Concepts

## Keys and tokens
Send the key in an \`apikey\` header. People and apps that sign in get a bearer token from
\`POST /v2/oauth/token\` (Daftra's password grant) and send \`Authorization: Bearer <token>\`; refresh
tokens rotate on use. Each credential belongs to one site: another site's records answer 404.

## Envelopes
Bodies are wrapped in the model key: \`{"Client": {...}}\`. Children (\`InvoiceItem\`, \`InvoicePayment\`,
\`JournalTransaction\`) go beside the model key or inside it. A create answers
\`202 {"code":202,"result":"successful","id":"12"}\`; one record answers \`{"code":200,"result":"successful","data":{"Invoice":{...}}}\`;
values are rendered as strings, as Daftra does. Each operation is listed once here; the server also
answers it without \`.json\` (\`/api2/invoices\`) and takes \`POST\` to a record's path as an edit.

## Paging and filters
Lists take \`page\` and \`limit\` (at most 1000) and answer \`pagination\` with \`page\`, \`page_count\`,
\`total_results\` and the \`prev\`/\`next\` links. Filter with \`field=value\`, \`filter[field]=value\` or
\`filter[field][op]=value\` (\`equal, ne, gt, gte, lt, lte, from, to, like, in, is_null\`); sort with
\`sort\` and \`direction\`.

## Idempotency
Send \`Idempotency-Key: <unique>\` with a write. Retrying it with the same key and body replays the
first reply (\`Idempotent-Replayed: true\`) instead of writing twice; the same key with another body is
a 409. Keys are kept for 24 hours per site.

## Errors
Every error has Daftra's failed envelope: \`{"result":"failed","code":400,"message":"…","validation_errors":{"InvoiceItem.0.quantity":"must be a number"}}\`.
400 names each field and why; 401 is a missing or revoked credential; 404 a record that is not yours
or does not exist; 409 an idempotency conflict; 413 a body over the limit; 429 too many requests
(\`Retry-After\`); 503 a fault of the server or its database (\`Retry-After\`; nothing was written).

## The books
Invoices, credit notes, refunds, purchases, expenses, incomes, payments and stock movements post
their own double-entry journals in the same transaction; clients never write them. Money is exact
(decimal, never floating point). Stock is a ledger per product and store at moving-average cost.

## Reports
\`GET /api2/reports/{trial_balance, profit_and_loss, balance_sheet, general_ledger, client_statement,
aged_receivables, aged_payables, stock_valuation}.json\` (or \`.csv\`) read only the journals and the
stock ledger, so they always agree with each other.
`;
