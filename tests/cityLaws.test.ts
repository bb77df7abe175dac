/**
 * One city's law on its own: the modules behind `shequ-rules/laws/<city>` (src/laws/) and
 * `loadLaw(city)`. They must be the catalogue's own data (the same frozen rule file, not a copy),
 * answer as the five-law catalogue answers for that city, and be listed in package.json's exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITY_KEYS, type CityKey, getArticle, listLaws, loadLaw, ruleFiles, searchArticles, type CityLaw } from '../src/index.js';

const modules = Object.fromEntries(
  await Promise.all(CITY_KEYS.map(async (city) => [city, (await import(`../src/laws/${city}.ts`)) as CityLaw] as const)),
) as Record<CityKey, CityLaw>;

/** Every object reachable from `value` is frozen. */
function expectDeeplyFrozen(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  expect(Object.isFrozen(value)).toBe(true);
  for (const key of Reflect.ownKeys(value)) expectDeeplyFrozen((value as Record<PropertyKey, unknown>)[key], seen);
}

describe.each(CITY_KEYS)('shequ-rules/laws/%s', (city) => {
  const law = modules[city];

  it('holds the catalogue’s own rule file of that city, deeply frozen', () => {
    expect(law.city).toBe(city);
    expect(law.ruleFile).toBe(ruleFiles[city]);
    expect(law.articles).toBe(ruleFiles[city].articles);
    expect(law.law).toEqual(listLaws().find((meta) => meta.city === city));
    expectDeeplyFrozen(law.ruleFile);
  });

  it('getArticle(n) is the catalogue’s getArticle(city, n) for every number, present or not', () => {
    const numbers = law.articles.map((article) => article.number);
    for (const n of [0, -1, 1.5, Math.max(...numbers) + 1, ...numbers]) expect(law.getArticle(n)).toBe(getArticle(city, n));
    expect(law.getArticle(numbers[0]!)?.number).toBe(numbers[0]);
  });

  it('searchArticles(q) finds what searchArticles(q, { city }) finds, for any piece of any paragraph', () => {
    const paragraphs = law.articles.flatMap((article) => article.paragraphs.map((paragraph) => ({ article, paragraph })));
    const pieces = fc
      .constantFrom(...paragraphs)
      .chain(({ article, paragraph }) =>
        fc
          .tuple(fc.nat({ max: paragraph.text.length - 1 }), fc.integer({ min: 1, max: 12 }))
          .map(([start, length]) => ({ article, query: paragraph.text.slice(start, start + length) })),
      )
      .filter(({ query }) => query.trim() !== '');
    fc.assert(
      fc.property(pieces, ({ article, query }) => {
        const found = law.searchArticles(query);
        expect(found).toEqual(searchArticles(query, { city }));
        expect(found.map((match) => match.article)).toContain(article.number);
        expect(found.every((match) => match.city === city)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an empty query', () => {
    expect(() => law.searchArticles(' \n')).toThrow(RangeError);
  });

  it('hands out fresh search results: editing one leaves the next search unchanged', () => {
    const [first] = law.searchArticles('社区');
    const snapshot = structuredClone(first);
    first!.paragraphs.length = 0;
    first!.label = '✂';
    expect(law.searchArticles('社区')[0]).toEqual(snapshot);
  });
});

describe('loadLaw', () => {
  it.each(CITY_KEYS)('resolves %s to what its module exports, in a fresh frozen object', async (city) => {
    const loaded = await loadLaw(city);
    expect(Object.isFrozen(loaded)).toBe(true);
    expect(loaded).not.toBe(await loadLaw(city));
    expect(loaded.city).toBe(city);
    expect(loaded.ruleFile).toBe(modules[city].ruleFile);
    expect(loaded.law).toBe(modules[city].law);
    expect(loaded.articles).toBe(modules[city].articles);
    expect(loaded.getArticle(1)).toBe(getArticle(city, 1));
    expect(loaded.searchArticles('社区')).toEqual(searchArticles('社区', { city }));
  });

  it('rejects an unknown city with a RangeError', async () => {
    await expect(loadLaw('beijing' as CityKey)).rejects.toThrow(RangeError);
    await expect(loadLaw('beijing' as CityKey)).rejects.toThrow(/unknown city 'beijing'/);
  });
});

describe('the per-city entries', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };

  it('are one module per city key in src/laws/, each built from its own rules/<city>.json', () => {
    const files = readdirSync(new URL('../src/laws/', import.meta.url)).filter((f) => !f.includes('.test'));
    expect(files.sort()).toEqual(CITY_KEYS.map((city) => `${city}.ts`).sort());
    for (const city of CITY_KEYS) {
      const source = readFileSync(new URL(`../src/laws/${city}.ts`, import.meta.url), 'utf8');
      expect(source).toContain(`from '../../rules/${city}.json'`);
      expect(source).toContain(`cityLaw(json, '${city}')`);
    }
  });

  it('are exported as shequ-rules/laws/<city>, ESM and CommonJS with their types', () => {
    const laws = Object.keys(pkg.exports).filter((key) => key.startsWith('./laws/'));
    expect(laws).toEqual(CITY_KEYS.map((city) => `./laws/${city}`));
    for (const city of CITY_KEYS) {
      expect(pkg.exports[`./laws/${city}`]).toEqual({
        import: { types: `./dist/laws/${city}.d.ts`, default: `./dist/laws/${city}.js` },
        require: { types: `./dist/laws/${city}.d.cts`, default: `./dist/laws/${city}.cjs` },
      });
    }
  });
});
