// npm run gen:types: rewrites src/generated/checkIds.ts from rules/*.json (see checkIdTypes.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECK_IDS_FILE, renderCheckIdTypes } from './checkIdTypes.js';

const next = renderCheckIdTypes();
let current = '';
try {
  current = readFileSync(CHECK_IDS_FILE, 'utf8');
} catch {
  // first run: no file yet
}
if (next !== current) writeFileSync(CHECK_IDS_FILE, next);
process.stdout.write(next === current ? `${CHECK_IDS_FILE} is up to date\n` : `${CHECK_IDS_FILE} regenerated\n`);
