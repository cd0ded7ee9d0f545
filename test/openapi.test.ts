// The OpenAPI document is valid OpenAPI 3.1, lists each operation once with a recorded request and
// reply example, and its examples match a fresh recording on each engine (so they cannot go stale:
// `npm run docs:examples` records them again). The reference page and its script are served locally.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eachDatabase, it } from './support/harness.js';
import { comparable, recordExamples } from './support/examples.js';

const NOT_JSON = /\.(pdf|html|xml)$|\/logo$|^\/qr\/?$|^\/invoices\/(preview|view)\//;
const EXAMPLES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/api/openapi-examples.json');

eachDatabase(
  'OpenAPI and the reference',
  (server, engine) => {
    it('is a valid OpenAPI 3.1 document', async () => {
      const spec = (await server().get('/api2/openapi.json', { apikey: '' })).body;
      const result = await new Validator().validate(spec);
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 4000));
      assert.equal(spec.openapi, '3.1.0');
    });

    it('gives every operation a recorded reply example, and every write a request example', async () => {
      const spec = (await server().get('/api2/openapi.json', { apikey: '' })).body;
      const missing: string[] = [];
      for (const [route, item] of Object.entries<any>(spec.paths)) {
        for (const method of ['get', 'post', 'put', 'delete']) {
          const op = item[method];
          // Documents, images and the reference page answer PDF, HTML, XML or PNG, not JSON to show.
          if (!op || route === '/api2/openapi.json' || route === '/docs' || NOT_JSON.test(route)) continue;
          const replied = Object.values<any>(op.responses ?? {}).some(
            (r) => r.content?.['application/json']?.example !== undefined,
          );
          const asked = !op.requestBody || op.requestBody.content?.['application/json']?.example !== undefined;
          if (!replied || !asked)
            missing.push(`${method.toUpperCase()} ${route}${replied ? '' : ' (reply)'}${asked ? '' : ' (request)'}`);
        }
      }
      assert.deepEqual(missing, [], 'run `npm run docs:examples` after adding an operation');
    });

    it(`matches a fresh recording of every example (${engine})`, async () => {
      const committed = JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8'));
      const fresh = await recordExamples(server());
      assert.deepEqual(
        Object.keys(fresh).sort(),
        Object.keys(committed).sort(),
        'the operations recorded changed: run `npm run docs:examples`',
      );
      for (const key of Object.keys(committed)) {
        assert.deepEqual(
          comparable(fresh[key]),
          comparable(committed[key]),
          `${key} is stale: run \`npm run docs:examples\``,
        );
      }
    });

    it('serves the reference page and its script from this server', async () => {
      const page = await server().get('/docs', { apikey: '' });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const scripts = [...page.text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(scripts, ['/docs/scalar.js'], 'every script comes from this server');
      const script = await server().get('/docs/scalar.js', { apikey: '' });
      assert.equal(script.status, 200);
      assert.ok(script.text.length > 100_000, 'the reference script is served whole');
    });
  },
  { DAFTAR_WEBHOOK_ALLOW_PRIVATE: '1', DAFTAR_WEBHOOK_WORKER: '0' },
);
