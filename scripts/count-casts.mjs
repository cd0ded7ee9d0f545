// Counts type assertions in src/ with the TypeScript compiler's own parser: `x as T` and `<T>x`,
// leaving out `as const` (a literal's type, not a claim the checker cannot verify), and, separately,
// non-null assertions (`x!`). Prints the count per file, largest first, and the totals.
//   node scripts/count-casts.mjs            per-file table and totals
//   node scripts/count-casts.mjs --json     { casts, nonNull, files: { path: { casts, nonNull } } }
//   node scripts/count-casts.mjs --list     every cast, file:line and its text
// The ceiling the test suite holds the total to is CAST_CEILING in test/casts.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(directory) {
  const found = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

function isAsConst(node) {
  return (
    ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const'
  );
}

export function countFile(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  let casts = 0;
  let nonNull = 0;
  const listed = [];
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isAsConst(node)) {
      casts += 1;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      listed.push(
        `${path.relative(root, file)}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 160)}`,
      );
    }
    if (ts.isNonNullExpression(node)) nonNull += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { casts, nonNull, listed };
}

export function countCasts(directory = path.join(root, 'src'), listing = false) {
  const files = {};
  let casts = 0;
  let nonNull = 0;
  for (const file of sourceFiles(directory).sort()) {
    const counted = countFile(file);
    casts += counted.casts;
    nonNull += counted.nonNull;
    if (counted.casts || counted.nonNull)
      files[path.relative(root, file)] = { casts: counted.casts, nonNull: counted.nonNull };
    if (listing) for (const line of counted.listed) console.log(line);
  }
  return { casts, nonNull, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = countCasts(undefined, process.argv.includes('--list'));
  if (process.argv.includes('--list')) {
    // listed above
  } else if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const rows = Object.entries(result.files).sort((a, b) => b[1].casts - a[1].casts || a[0].localeCompare(b[0]));
    for (const [file, counted] of rows) {
      if (counted.casts) console.log(`${String(counted.casts).padStart(4)}  ${file}`);
    }
    console.log(`casts: ${result.casts} (as/<T>, not counting as const); non-null assertions: ${result.nonNull}`);
  }
}
