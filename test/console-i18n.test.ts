// The console's message catalogue is complete: every key in both languages, every key a page uses is
// in the catalogue, and no Arabic entry is left in English (brand names and the language switch aside).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { CATALOGUE } from '../src/console/i18n.js';

const SOURCES = ['src/console/routes.ts', 'src/console/html.ts', 'src/console/pages.ts']
  .map((file) => fs.readFileSync(path.resolve(file), 'utf8'))
  .join('\n');
/** Entries that are the same in both languages on purpose. */
const SAME_IN_BOTH = new Set(['english', 'arabic']);

it('has every key in English and Arabic', () => {
  assert.deepEqual(Object.keys(CATALOGUE.ar).sort(), Object.keys(CATALOGUE.en).sort());
});

it('knows every key the pages use', () => {
  const used = new Set<string>();
  for (const match of SOURCES.matchAll(/\bt\(view, '([a-z_0-9]+)'/g)) used.add(match[1]!);
  for (const match of SOURCES.matchAll(/'([a-z_]+)'\]\s*(?:as|\])/g))
    if (match[1]! in CATALOGUE.en) used.add(match[1]!);
  for (const match of SOURCES.matchAll(/\[(?:'[^']*', )?'((?:nav|status|method|report)_[a-z_]+)'\]/g))
    used.add(match[1]!);
  const unknown = [...used].filter((key) => !(key in CATALOGUE.en));
  assert.deepEqual(unknown, [], 'keys used by a page but missing from the catalogue');
  assert.ok(used.size > 40, `found ${used.size} keys in use`);
});

it('leaves no English in the Arabic catalogue', () => {
  const english = Object.entries(CATALOGUE.ar)
    .filter(([key]) => !SAME_IN_BOTH.has(key))
    .filter(([, text]) => /[A-Za-z]{3,}/.test(text.replace(/\{[a-z_]+\}/g, '').replace(/\b(PDF|CSV)\b/g, '')))
    .map(([key, text]) => `${key}: ${text}`);
  assert.deepEqual(english, []);
});
