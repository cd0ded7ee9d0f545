/**
 * `npm run docs:examples`: records request and reply examples from a real run of the server on a
 * fresh SQLite database and writes them to src/api/openapi-examples.json, which the OpenAPI document
 * embeds. test/openapi.test.ts fails when the committed file no longer matches a fresh recording.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from './support/harness.js';
import { recordExamples } from './support/examples.js';

export const EXAMPLES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/api/openapi-examples.json',
);

export const RECORDING_ENV = { DAFTAR_WEBHOOK_ALLOW_PRIVATE: '1', DAFTAR_WEBHOOK_WORKER: '0' };
const server = await startTestServer('sqlite', RECORDING_ENV);
try {
  const examples = await recordExamples(server);
  fs.writeFileSync(EXAMPLES_FILE, `${JSON.stringify(examples, null, 1)}\n`);
  console.log(`wrote ${Object.keys(examples).length} examples to ${path.relative(process.cwd(), EXAMPLES_FILE)}`);
} finally {
  await server.close();
}
