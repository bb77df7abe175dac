// npm run gen:types: rewrites src/generated/ from rules/*.json — checkIds.ts (see checkIdTypes.ts),
// laws.json, coverage.json and evaluationRules.json (see generatedData.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECK_IDS_FILE, renderCheckIdTypes } from './checkIdTypes.js';
import { COVERAGE_FILE, EVALUATION_RULES_FILE, LAWS_FILE, renderCoverage, renderEvaluationRules, renderLaws } from './generatedData.js';

for (const [file, next] of [
  [CHECK_IDS_FILE, renderCheckIdTypes()],
  [LAWS_FILE, renderLaws()],
  [COVERAGE_FILE, renderCoverage()],
  [EVALUATION_RULES_FILE, renderEvaluationRules()],
] as const) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // first run: no file yet
  }
  if (next !== current) writeFileSync(file, next);
  process.stdout.write(next === current ? `${file} is up to date\n` : `${file} regenerated\n`);
}
