// npm run docs: regenerates the README's checks table from rules/*.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { withChecksTable } from './checksTable.js';

const readme = readFileSync('README.md', 'utf8');
const next = withChecksTable(readme);
if (next !== readme) writeFileSync('README.md', next);
process.stdout.write(next === readme ? 'README checks table is up to date\n' : 'README checks table regenerated\n');
