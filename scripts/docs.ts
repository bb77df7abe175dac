// npm run docs: regenerates the README's checks table from rules/*.json and, when
// bench/out/bench.json exists (npm run bench), its performance table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { withChecksTable } from './checksTable.js';
import { withPerfTable, type BenchReport } from './perfTable.js';

const BENCH = 'bench/out/bench.json';
const readme = readFileSync('README.md', 'utf8');
const bench = existsSync(BENCH) ? (JSON.parse(readFileSync(BENCH, 'utf8')) as BenchReport) : undefined;
const next = withPerfTable(withChecksTable(readme), bench);
if (next !== readme) writeFileSync('README.md', next);
process.stdout.write(next === readme ? 'README tables are up to date\n' : 'README tables regenerated\n');
if (bench === undefined) process.stdout.write(`(no ${BENCH}: the performance table is left as it is; run npm run bench)\n`);
