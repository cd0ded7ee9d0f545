/**
 * The operations Daftra's official docs export documents (`../shared/spec/daftra-docs/`, read at test
 * time, never copied), each resolved to the concrete URL a Daftra client would call on this server.
 *
 * The OpenAPI export lists the 244 operations but only one server list for all of them; the apidog
 * export says which server each folder or operation uses (`serverId`, inherited from the folder):
 * 553070 is api2 (`https://{sub}.daftra.com/api2`), 4688b0dd… is v2 (`…/v2/api/entity`), 5ae490ea… the
 * site root. An operation the apidog export does not name (its path is spelled differently there) takes
 * its tag's server: `Endpoints v2/...` → v2, anything else → api2. Paths written with `{format}` are
 * api2's idiom (`.json`) wherever the docs file them; paths already starting `/api2/` or `/v2/` (or a
 * full URL) are absolute.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DOCS_DIR = path.resolve(process.cwd(), '../shared/spec/daftra-docs');
const OPENAPI = path.join(DOCS_DIR, 'Default module.openapi-v3.json');
const APIDOG = path.join(DOCS_DIR, 'Daftra API.apidog.json');

const SERVERS: Record<string, string> = {
  '553070': '/api2',
  '4688b0dd-ebcc-4329-962c-577e72ecc1cb': '/v2/api/entity',
  '5ae490ea-b08b-48ca-ae98-648b351e55a0': '',
};

export interface DocumentedOperation {
  method: string;
  /** As the OpenAPI export writes it. */
  documented: string;
  /** The tag (group) the export files it under. */
  group: string;
  /** The URL called on this server. */
  url: string;
}

export function docsPresent(): boolean {
  return fs.existsSync(OPENAPI) && fs.existsSync(APIDOG);
}

function normalize(raw: string): string {
  return raw
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\//, '')
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}|\{[^}]*\}/g, '{}');
}

interface ApidogItem {
  api?: { method: string; path: string; serverId?: string };
  items?: ApidogItem[];
  serverId?: string;
}

function apidogServers(): Map<string, string> {
  const doc = JSON.parse(fs.readFileSync(APIDOG, 'utf8')) as { apiCollection: ApidogItem[] };
  const servers = new Map<string, string>();
  const walk = (items: ApidogItem[] | undefined, inherited: string) => {
    for (const item of items ?? []) {
      const own = item.api?.serverId || item.serverId || inherited;
      if (item.api) servers.set(`${item.api.method.toUpperCase()} ${normalize(item.api.path)}`, own);
      walk(item.items, own);
    }
  };
  walk(doc.apiCollection, '');
  return servers;
}

/** Placeholder values: an id that names no record (a 404 "not found" still proves the route). */
const PLACEHOLDERS: Record<string, string> = {
  format: '.json',
  entity: 'client',
  model: 'Product',
  type: 'client',
  bookingStatus: '1',
};

function concrete(documented: string): string {
  return documented
    .replace(/\{(\w+)\}/g, (_all, name: string) => PLACEHOLDERS[name] ?? '999999')
    .replace(/-workflow_id(?=\/|$)/, '-1')
    .replace(/\/(id|record_id)(?=\/|$)/g, '/999999')
    .replace(/\/format$/, '/1');
}

export function documentedOperations(): DocumentedOperation[] {
  const doc = JSON.parse(fs.readFileSync(OPENAPI, 'utf8')) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  const servers = apidogServers();
  const out: DocumentedOperation[] = [];
  for (const [documented, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
      const group = operation.tags?.[0] ?? '';
      const upper = method.toUpperCase();
      let base: string;
      if (/^(https?:|\/api2\/|\/v2\/)/.test(documented)) base = '';
      else if (documented.includes('{format}')) base = '/api2';
      else {
        const server = servers.get(`${upper} ${normalize(documented)}`);
        base =
          server !== undefined && server !== ''
            ? (SERVERS[server] ?? '/api2')
            : group.startsWith('Endpoints v2')
              ? '/v2/api/entity'
              : '/api2';
      }
      out.push({ method: upper, documented, group, url: base + concrete(documented.replace(/^https?:\/\/[^/]+/, '')) });
    }
  }
  return out;
}
