/**
 * The interactive reference at /docs: Scalar's API reference (search, grouping by endpoint group,
 * "try it" with the visitor's key, code samples), rendered in the browser from /api2/openapi.json.
 * Its script is served from the npm package itself (`@scalar/fastify-api-reference` embeds the
 * standalone build), so the page works where the internet is not, and no request leaves this server:
 * Scalar's hosted fonts, telemetry, AI agent and proxy are switched off (docs/reference.md).
 */
import Fastify from 'fastify';

export const DOCS_SCRIPT_PATH = '/docs/scalar.js';

/** The code samples the reference offers (Scalar's client ids), in the order shown. */
const SAMPLE_CLIENTS = {
  shell: ['curl'],
  js: ['fetch'],
  node: ['fetch'],
  php: ['guzzle', 'curl'],
  python: ['requests'],
};

const CONFIGURATION = {
  url: '/api2/openapi.json',
  theme: 'default',
  layout: 'modern',
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: 'never',
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
  // Scalar's option lists the clients to hide; everything not in SAMPLE_CLIENTS is hidden.
  hiddenClients: hiddenClients(),
  authentication: { preferredSecurityScheme: 'apikey' },
  tagsSorter: 'alpha',
  defaultOpenAllTags: false,
  metaData: { title: 'Daftar API reference' },
};

function hiddenClients(): Record<string, string[] | true> {
  const all: Record<string, string[]> = {
    c: ['libcurl'],
    clojure: ['clj_http'],
    csharp: ['httpclient', 'restsharp'],
    dart: ['http'],
    go: ['native'],
    http: ['http1.1'],
    java: ['asynchttp', 'nethttp', 'okhttp', 'unirest'],
    js: ['axios', 'jquery', 'ofetch', 'xhr'],
    kotlin: ['okhttp'],
    node: ['axios', 'ofetch', 'undici'],
    objc: ['nsurlsession'],
    ocaml: ['cohttp'],
    php: [],
    powershell: ['restmethod', 'webrequest'],
    python: ['httpx_async', 'httpx_sync', 'python3'],
    r: ['httr'],
    ruby: ['native'],
    rust: ['reqwest'],
    shell: ['httpie', 'wget'],
    swift: ['nsurlsession'],
  };
  const hidden: Record<string, string[] | true> = {};
  for (const [target, clients] of Object.entries(all)) {
    hidden[target] = target in SAMPLE_CLIENTS ? clients : true;
  }
  return hidden;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function renderDocsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Daftar API reference</title>
<style>body{margin:0}noscript{display:block;font-family:system-ui,sans-serif;margin:2rem}</style>
</head>
<body>
<noscript>The interactive reference needs JavaScript. The machine-readable description is at <a href="/api2/openapi.json">/api2/openapi.json</a>.</noscript>
<script id="api-reference" data-configuration="${escapeAttribute(JSON.stringify(CONFIGURATION))}"></script>
<script src="${DOCS_SCRIPT_PATH}"></script>
</body>
</html>`;
}

let script: Promise<string> | undefined;

/**
 * Scalar's standalone script, taken from its Fastify plugin on first use (the plugin's module is
 * 4 MB; importing it at start would cost a quarter of a second).
 */
export function docsScript(): Promise<string> {
  script ??= (async () => {
    const { default: reference } = await import('@scalar/fastify-api-reference');
    const scratch = Fastify({ logger: false });
    await scratch.register(reference, {
      routePrefix: '/reference',
      logLevel: 'silent',
      configuration: { url: '/api2/openapi.json' },
    });
    const reply = await scratch.inject({ method: 'GET', url: '/reference/js/scalar.js' });
    await scratch.close();
    if (reply.statusCode !== 200) throw new Error(`the reference's script answered ${reply.statusCode}`);
    return reply.body;
  })();
  script.catch(() => {
    script = undefined;
  });
  return script;
}
