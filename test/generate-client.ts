/** `npm run client:generate`: writes packages/client/src/generated.ts from the resource declarations. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClientTypes } from '../src/api/client-types.js';
import { RESOURCES } from '../src/resources/index.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/client/src/generated.ts');
fs.writeFileSync(file, generateClientTypes(RESOURCES));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
