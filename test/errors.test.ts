// The error registry (src/domain/errors.ts) and its documentation (docs/errors.md) cannot drift: every
// code has a row with its status, the page names no code the registry lacks, and every code is thrown
// or rendered somewhere in src/ (an unused code is a promise the server does not keep).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../src/domain/errors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REGISTRY = path.join('src', 'domain', 'errors.ts');

function documentedStatuses(): Map<string, number> {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'errors.md'), 'utf8');
  const rows = new Map<string, number>();
  for (const match of page.matchAll(/^\| `(DAFTAR_ERR_[A-Z_]+)` \| (\d{3}) \|/gm))
    rows.set(match[1]!, Number(match[2]));
  return rows;
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

it('every error code is documented in docs/errors.md with its status', () => {
  const documented = documentedStatuses();
  const registry = Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status] as const);
  assert.deepEqual(
    registry.filter(([code]) => !documented.has(code)).map(([code]) => code),
    [],
    'codes without a row in docs/errors.md',
  );
  assert.deepEqual(
    registry
      .filter(([code, status]) => documented.has(code) && documented.get(code) !== status)
      .map(([code, status]) => `${code}: ${status} in the registry, ${documented.get(code)} in the docs`),
    [],
  );
  assert.deepEqual(
    [...documented.keys()].filter((code) => !Object.hasOwn(ERROR_CODES, code)),
    [],
    'codes documented but not in the registry',
  );
});

it('every error code is used in src/', () => {
  const text = sourceFiles(path.join(ROOT, 'src'))
    .filter((file) => path.relative(ROOT, file) !== REGISTRY)
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  const unused = Object.keys(ERROR_CODES).filter((code) => !new RegExp(`['"\`]${code}['"\`]`).test(text));
  assert.deepEqual(unused, [], 'codes no source file throws or renders: remove them or use them');
});
