/**
 * A check that holds one fact between two bounds passes with a message stating the range: the
 * generic pass message has room for one required quantity and said only the lower bound of
 * Shenyang 36.1 (3000户至4000户) — "required 3000, actual 3500".
 */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEvaluator, evaluateSync } from '../src/evaluate.js';
import { CITY_KEYS, type CheckEntry } from '../src/types.js';

type Node = { fact?: string; path?: string; operator?: string; value?: unknown; all?: Node[]; any?: Node[]; name?: string };

const LOWER = new Set(['greaterThan', 'greaterThanInclusive']);
const UPPER = new Set(['lessThan', 'lessThanInclusive']);

/** The bounds of each fact that an `all` holds from both sides: [lower value, upper value]. */
function ranges(node: Node): Array<[unknown, unknown]> {
  const found: Array<[unknown, unknown]> = [];
  for (const child of [...(node.all ?? []), ...(node.any ?? [])]) found.push(...ranges(child));
  const leaves = (node.all ?? []).filter((leaf) => leaf.fact !== undefined);
  for (const low of leaves.filter((leaf) => LOWER.has(leaf.operator!))) {
    const high = leaves.find((leaf) => UPPER.has(leaf.operator!) && leaf.fact === low.fact && leaf.path === low.path);
    if (high) found.push([low.value, high.value]);
  }
  return found;
}

/** How a template names a bound: its parameter as a placeholder, or the number itself. */
const named = (bound: unknown): RegExp => {
  const param = (bound as { param?: string } | null)?.param;
  return param !== undefined ? new RegExp(`\\{${param}(\\|[^}]*)?\\}`) : new RegExp(`(?<![\\d.])${String(bound)}(?![\\d.])`);
};

describe('a check of one fact between two bounds', () => {
  const checks: CheckEntry[] = CITY_KEYS.flatMap((city) => ruleFiles[city].articles.flatMap((article) => article.checks));
  const withRanges = checks.flatMap((check) => {
    const passes = (check.conditions as { all: Node[] }).all.find((c) => c.name === 'passesWhen')!;
    return ranges(passes).map((bounds) => ({ check, bounds }));
  });

  it('is found in the shipped rules (Shenyang 36.1 at least)', () => {
    expect(withRanges.map(({ check }) => check.id)).toContain('shenyang.36.1.community-scale');
  });

  it('has a pass message naming both bounds, in both languages', () => {
    for (const { check, bounds } of withRanges) {
      const pass = check.message.pass;
      for (const lang of ['zh', 'en'] as const) {
        const text = pass?.[lang] ?? '';
        expect({ id: check.id, lang, lower: named(bounds[0]).test(text), upper: named(bounds[1]).test(text) }).toEqual({ id: check.id, lang, lower: true, upper: true });
      }
    }
  });

  it('states the range when Shenyang 36.1 passes, what-if bounds included', () => {
    const community = { id: 'SY-C-1', city: 'shenyang', kind: 'community', asOf: '2024-05-01', facts: { households: 3500 } };
    const message = (result: ReturnType<typeof evaluateSync>) =>
      result.valid ? result.findings.find((f) => f.ruleId === 'shenyang.36.1.community-scale')?.message : undefined;
    expect(message(evaluateSync(community))).toEqual({
      zh: '符合第三十六条第一款（要求 3000至4000，实际 3500）。',
      en: 'Complies with 第三十六条第一款 (required 3000 to 4000, actual 3500).',
    });
    const whatIf = createEvaluator({ parameters: { 'shenyang.36.1.community-scale': { minHouseholds: 2000, maxHouseholds: 5000 } } });
    expect(message(whatIf.evaluateSync(community))?.en).toBe('Complies with 第三十六条第一款 (required 2000 to 5000, actual 3500).');
  });
});
