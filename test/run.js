// Runs the compiled test files with node's own runner (Node 20 does not expand globs, so the list is
// explicit). `npm test` builds first (pretest). Pass file names to run a subset: npm test -- money
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'test');
const wanted = process.argv.slice(2);
// Only files whose source still exists: a test file deleted or renamed leaves its old build in dist.
const sources = new Set(
  readdirSync(path.join(root, 'test'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => name.replace(/\.ts$/, '.js')),
);
const files = readdirSync(compiled)
  .filter((name) => name.endsWith('.test.js') && sources.has(name))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort()
  .map((name) => path.join(compiled, name));
if (files.length === 0) {
  console.error('no test files found in dist/test');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
