/**
 * What the library hands out is fresh or deeply frozen: a caller who edits every structure it
 * received (findings, citations, articles, laws, rule files, search hits …) changes nothing that a
 * later call returns. Each case snapshots a call's result, vandalises what it got, calls again and
 * compares with the snapshot.
 */
import { describe, expect, it } from 'vitest';
import {
  CITY_KEYS,
  RECORD_KINDS,
  checkCoverage,
  createEvaluator,
  evaluate,
  getArticle,
  getRuleFile,
  listLaws,
  loadLaw,
  recordJsonSchema,
  ruleFiles,
  searchArticles,
  summarizeLaws,
  validateRecord,
} from '../src/index.js';
import { EXAMPLE_RECORDS } from '../src/schema/examples.js';

/**
 * Tries every edit a careless caller might make, at every depth: overwrite strings and numbers,
 * push onto and truncate arrays, add and delete keys. Edits on frozen objects throw in strict
 * mode; those are swallowed (being refused is the point).
 */
function vandalise(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const attempt = (edit: () => void) => {
    try {
      edit();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  };
  const target = value as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(target)) {
    const child = target[key];
    vandalise(child, seen);
    if (typeof child === 'string') attempt(() => (target[key] = `${child.slice(0, 1)}✂`));
    else if (typeof child === 'number') attempt(() => (target[key] = child + 1));
    else if (typeof child === 'boolean') attempt(() => (target[key] = !child));
  }
  if (Array.isArray(value)) {
    attempt(() => value.push('vandal'));
    attempt(() => value.reverse());
  } else {
    attempt(() => (target.vandal = true));
    const first = Reflect.ownKeys(target)[0];
    if (first !== undefined) attempt(() => delete target[first]);
  }
}

const records = Object.values(EXAMPLE_RECORDS);

/** Calls `produce` twice with a vandalised first result in between; the second must equal the first as it was. */
async function expectUnaffected<T>(produce: () => T | Promise<T>): Promise<void> {
  const first = await produce();
  const snapshot = structuredClone(first);
  vandalise(first);
  const second = await produce();
  expect(second).toEqual(snapshot);
}

describe('results are fresh or deeply frozen', () => {
  it('evaluate: editing findings and their citations of one record leaves the next evaluation unchanged', async () => {
    await expectUnaffected(() => Promise.all(records.map((record) => evaluate(record))));
  });

  it('createEvaluator().evaluate: the same for a built evaluator, with parameters and an invalid record', async () => {
    const evaluator = createEvaluator({ asOf: '2024-01-01', parameters: { 'shenyang.12.1.grid-size': { tolerance: 0.1 } } });
    await expectUnaffected(() =>
      Promise.all([...records.map((record) => evaluator.evaluate(record)), evaluator.evaluate({ id: 'X', city: 'nowhere' })]),
    );
  });

  it('a citation shared by findings of different records is frozen', async () => {
    const [a, b] = await Promise.all([evaluate(EXAMPLE_RECORDS.community), evaluate({ ...EXAMPLE_RECORDS.community, id: 'SY-0002' })]);
    const citation = a.findings[0]!.citation;
    expect(Object.isFrozen(citation)).toBe(true);
    expect(() => {
      (citation as { text: string }).text = '';
    }).toThrow(TypeError);
    expect(b.findings[0]!.citation.text).not.toBe('');
  });

  it('catalogue: getArticle, listLaws, summarizeLaws, checkCoverage, searchArticles', async () => {
    await expectUnaffected(() => getArticle('guiyang', 37));
    await expectUnaffected(() => listLaws());
    await expectUnaffected(() => summarizeLaws());
    await expectUnaffected(() => checkCoverage());
    await expectUnaffected(() => searchArticles('网格'));
    // The report: editing an article's text must not blind the search.
    vandalise(getArticle('guiyang', 37));
    expect(searchArticles('不低于800平方米').length).toBeGreaterThan(0);
  });

  it('rule files: getRuleFile and the ruleFiles map, every city', async () => {
    for (const city of CITY_KEYS) await expectUnaffected(() => getRuleFile(city));
    await expectUnaffected(() => ruleFiles);
    expect(Object.isFrozen(ruleFiles.shenyang.articles[0]!.checks)).toBe(true);
  });

  it('one city’s law: shequ-rules/laws/<city> and loadLaw(city), every city', async () => {
    for (const city of CITY_KEYS) {
      const law = (await import(`../src/laws/${city}.ts`)) as Awaited<ReturnType<typeof loadLaw>>;
      await expectUnaffected(() => ({ city: law.city, law: law.law, ruleFile: law.ruleFile, articles: law.articles }));
      await expectUnaffected(() => law.getArticle(1));
      await expectUnaffected(() => law.searchArticles('社区'));
      await expectUnaffected(async () => {
        const { getArticle: _get, searchArticles: _search, ...data } = await loadLaw(city);
        return data;
      });
      // The loaded object itself: its functions cannot be swapped for the next caller.
      const loaded = await loadLaw(city);
      vandalise(loaded);
      for (const name of ['getArticle', 'searchArticles'] as const) {
        expect(() => Object.assign(loaded, { [name]: () => [] })).toThrow(TypeError);
        expect((await loadLaw(city))[name]).toBe(law[name]);
      }
    }
    // The per-city modules share the catalogue's rule files: vandalising one's article blinds neither.
    vandalise((await import('../src/laws/guiyang.js')).getArticle(37));
    expect(searchArticles('不低于800平方米').length).toBeGreaterThan(0);
  });

  it('the exported key lists and the JSON Schema', async () => {
    await expectUnaffected(() => CITY_KEYS);
    await expectUnaffected(() => RECORD_KINDS);
    await expectUnaffected(() => recordJsonSchema());
  });

  it('validateRecord: the parsed record and the errors are the caller’s own', async () => {
    await expectUnaffected(() => records.map((record) => validateRecord(record)));
    await expectUnaffected(() => validateRecord({ id: 'Y', city: 'shenyang', kind: 'community', facts: { households: -1 } }));
  });
});
