/**
 * The five bundled rule files as the evaluator runs them: src/generated/evaluationRules.json,
 * generated from rules/*.json by `npm run gen:types` (scripts/generatedData.ts). It keeps every
 * check whole and, of the law's text, only what the checks' citations quote, so an app that
 * evaluates records does not carry the full text of five laws (the catalogue has it). Deeply
 * frozen: citations hand out parts of it.
 */
import evaluationRules from '../generated/evaluationRules.json' with { type: 'json' };
import { CITY_KEYS, type CityKey, type RuleFile } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';

const files = deepFreeze(evaluationRules as unknown as Record<CityKey, RuleFile>);

/** The five cities' rule files for evaluation, in the order of the city keys. */
export function bundledRuleFiles(): RuleFile[] {
  return CITY_KEYS.map((city) => {
    const file = files[city];
    if (file?.city !== city || !Array.isArray(file.articles)) throw new Error(`src/generated/evaluationRules.json has no rule file for ${city}`);
    return file;
  });
}
