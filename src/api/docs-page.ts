/**
 * A self-contained reference page at /docs, rendered from the same OpenAPI document (no CDN: the
 * server may run where the internet is not).
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation { summary?: string; tags?: string[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
interface Schema { properties?: Record<string, Schema>; description?: string; maxLength?: number; type?: unknown; anyOf?: Schema[] }

function fieldRows(schema: Schema | undefined): string {
  const model = schema?.properties ? Object.values(schema.properties)[0] : undefined;
  const properties = model?.properties ?? {};
  return Object.entries(properties).map(([name, field]) => {
    const limit = field.maxLength ? ` (≤ ${field.maxLength} characters)` : '';
    return `<tr><td><code>${escape(name)}</code></td><td>${escape((field.description ?? '') + limit)}</td></tr>`;
  }).join('');
}

export function renderDocsPage(openapi: Record<string, unknown>): string {
  const paths = openapi['paths'] as Record<string, Record<string, Operation>>;
  const groups = new Map<string, string[]>();
  const fieldsByTag = new Map<string, string>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags?.[0] ?? 'Other';
      const list = groups.get(tag) ?? [];
      list.push(`<li><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code> — ${escape(operation.summary ?? '')}</li>`);
      groups.set(tag, list);
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (method === 'post' && schema && !fieldsByTag.has(tag)) fieldsByTag.set(tag, fieldRows(schema));
    }
  }
  const sections = [...groups.entries()].map(([tag, items]) => {
    const fields = fieldsByTag.get(tag);
    return `<section><h2 id="${escape(tag)}">${escape(tag)}</h2><ul>${items.join('')}</ul>${fields ? `<details><summary>Fields</summary><table>${fields}</table></details>` : ''}</section>`;
  }).join('\n');
  const nav = [...groups.keys()].map((tag) => `<a href="#${escape(tag)}">${escape(tag)}</a>`).join(' · ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Daftar API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}.m{display:inline-block;width:4.2rem;font-weight:600;font-size:.8rem}
.get{color:#0a7}.post{color:#06c}.put{color:#c70}.delete{color:#c22}table{border-collapse:collapse}td{border-bottom:1px solid #eee;padding:.2rem .6rem;vertical-align:top}
nav{font-size:.9rem}</style></head><body>
<h1>Daftar API</h1>
<p>Wire-compatible with Daftra's <code>/api2</code> API: same paths, envelopes and field names. Authenticate with an
<code>apikey: &lt;key&gt;</code> header, or get a token from <code>POST /v2/oauth/token</code> (password grant) and send
<code>Authorization: Bearer &lt;token&gt;</code>. Bodies are wrapped in the model key, e.g. <code>{"Client": {...}}</code>;
children such as <code>InvoiceItem</code> go beside it or inside it. Creates answer <code>202 {"code":202,"result":"successful","id":"…"}</code>;
errors answer <code>{"result":"failed","code":400,"message":"…","validation_errors":{"field":"why"}}</code>.
The machine-readable description is <a href="/api2/openapi.json">/api2/openapi.json</a>.</p>
<nav>${nav}</nav>
${sections}
</body></html>`;
}
