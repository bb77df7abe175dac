import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { CHECK_IDS } from '../src/generated/checkIds.js';
import { CITY_KEYS } from '../src/types.js';
import { CHECK_IDS_FILE, renderCheckIdTypes } from './checkIdTypes.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('src/generated/checkIds.ts', () => {
  it('is what `npm run gen:types` renders from the rule files (run it after changing rules/*.json)', () => {
    const onDisk = readFileSync(`${root}${CHECK_IDS_FILE}`, 'utf8');
    expect(onDisk, 'stale: run `npm run gen:types` (or `npm run docs`)').toBe(renderCheckIdTypes());
  });

  it('lists every check id of the rule files exactly once', () => {
    const ids = CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((a) => a.checks.map((c) => c.id)));
    expect([...CHECK_IDS]).toEqual(ids);
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
  });
});
