import { readFileSync } from 'node:fs';
import ts from 'typescript';
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(source) !== 'const') {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      console.log(`${file}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 140)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
