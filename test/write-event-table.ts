/**
 * `npm run docs:events`: writes the events table of docs/webhooks.md from the code's table
 * (src/webhooks/events.ts); test/webhooks.test.ts fails when the two differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPES } from '../src/webhooks/events.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/webhooks.md');
const text = fs.readFileSync(file, 'utf8');
const header = '| type | resource (`data` key is its model) | when |\n| --- | --- | --- |\n';
const start = text.indexOf(header);
if (start < 0) throw new Error('docs/webhooks.md has no events table');
const rowsStart = start + header.length;
let end = rowsStart;
while (text.startsWith('| `', end)) end = text.indexOf('\n', end) + 1;
const rows = EVENT_TYPES.map((event) => `| \`${event.type}\` | ${event.resource} | ${event.description} |\n`).join('');
fs.writeFileSync(file, text.slice(0, rowsStart) + rows + text.slice(end));
console.log(`wrote ${EVENT_TYPES.length} event types to docs/webhooks.md`);
