/**
 * Table-driven tests for the checks of contract v2 §3: each case is a record's facts and the
 * finding the contract's "applies when" / "passes when" columns give for it, written from the
 * contract and the article, not read back from the rules. Absent facts must give `unknown` with
 * exactly the absent paths in `missing`.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator, type EvaluateOptions } from '../../src/evaluate.js';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import type { CityKey, FindingStatus, RecordKind, Severity } from '../../src/types.js';

export interface CheckCase {
  /** What the case shows, as a sentence. */
  because: string;
  facts: Record<string, unknown>;
  status: FindingStatus;
  expected?: number;
  actual?: number;
  /** Required when the status is `unknown`: exactly the absent paths. */
  missing?: string[];
  /** Interpretation overrides for this case. */
  parameters?: EvaluateOptions['parameters'];
}

export interface CheckSpec {
  id: string;
  city: CityKey;
  kind: RecordKind;
  /** The citation label, e.g. 第十三条第一款 or （三）第三款. */
  label: string;
  severity: Severity;
  binding: boolean;
  /** The liability article's label, when the check cites one. */
  liability?: string;
  cases: CheckCase[];
}

const AS_OF = '2024-06-01';

/** Both engines: the compiled closures (the default) and json-rules-engine (the reference). */
const ENGINES = ['compiled', 'json-rules-engine'] as const;

export function describeChecks(title: string, specs: readonly CheckSpec[]): void {
  const evaluators = new Map(ENGINES.map((engine) => [engine, createEvaluator({ asOf: AS_OF, engine })]));
  describe(title, () => {
    for (const spec of specs) {
      describe(spec.id, () => {
        it('has a passing, a failing and an unknown case', () => {
          const statuses = new Set(spec.cases.map((c) => c.status));
          expect([...statuses]).toEqual(expect.arrayContaining(['pass', 'fail', 'unknown']));
        });
        for (const c of spec.cases) {
          it.each(ENGINES)(`${c.because} → ${c.status} (%s)`, async (engine) => {
            const run = c.parameters ? createEvaluator({ asOf: AS_OF, engine, parameters: c.parameters }) : evaluators.get(engine)!;
            const result = await run.evaluate({ id: spec.id, city: spec.city, kind: spec.kind, facts: c.facts });
            expect(result.errors).toBeUndefined();
            const matching = result.findings.filter((f) => f.ruleId === spec.id);
            expect(matching).toHaveLength(1);
            const finding = matching[0]!;
            expect(finding.status).toBe(c.status);
            expect(finding.severity).toBe(spec.severity);
            expect(finding.binding).toBe(spec.binding);
            expect(finding.citation.label).toBe(spec.label);
            expect(finding.citation.liability?.label).toBe(spec.liability);
            if (c.status === 'unknown') {
              expect(c.missing, 'an unknown case names its missing paths').toBeDefined();
              expect(finding.missing).toEqual(c.missing);
            } else {
              expect(finding.missing).toBeUndefined();
            }
            if (c.expected !== undefined) expect(finding.expected).toBe(c.expected);
            if (c.actual !== undefined) expect(finding.actual).toBe(c.actual);
            if (c.status === 'fail') {
              for (const n of [c.expected, c.actual]) if (n !== undefined) expect(finding.message.zh).toContain(String(n));
            }
            expect(finding.message.zh).not.toMatch(/\{\w+\}/);
            expect(finding.message.en).not.toMatch(/\{\w+\}/);
          });
        }
      });
    }
  });
}

/** Chinese runs in a text (a quote ends at the first ASCII character). */
const quotes = (text: string): string[] => text.match(/[\u4e00-\u9fff][^\x00-\x7f]*/g) ?? [];

/**
 * Every Chinese word a check's `severityReason` quotes stands in the paragraph it cites, and every
 * one its `note` quotes stands in the article.
 */
export function describeQuotes(city: CityKey, ids: readonly string[]): void {
  describe(`${city}: the new checks quote the law they cite`, () => {
    const articles = ruleFiles[city].articles;
    for (const id of ids) {
      it(`${id} quotes only words of its paragraph`, () => {
        const article = articles.find((a) => a.checks.some((c) => c.id === id));
        expect(article, id).toBeDefined();
        const check = article!.checks.find((c) => c.id === id)!;
        const paragraph = check.cites.paragraph !== undefined ? article!.paragraphs.find((p) => p.number === check.cites.paragraph)!.text : article!.text;
        expect(quotes(check.severityReason).length).toBeGreaterThan(0);
        expect(quotes(check.severityReason).filter((q) => !paragraph.includes(q))).toEqual([]);
        expect(quotes(check.note ?? '').filter((q) => !article!.text.includes(q))).toEqual([]);
      });
    }
  });
}
