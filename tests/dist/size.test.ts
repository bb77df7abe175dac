/**
 * The size budgets of issue #10 on the built package: what a browser app pays for importing only
 * `evaluate`, or only a catalogue helper (esbuild --bundle --minify --platform=browser, resolved
 * through the package's `exports`), and the unpacked tarball. `npm run size` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_CASES, bundleSize, LOAD_LAW_CASE, splitBundleSize, TARBALL_BUDGET, tarballSize } from '../../scripts/size.js';
import { CITY_KEYS } from '../../src/types.js';

const lawFiles = (inputs: string[]) => inputs.filter((path) => /(^|\/)rules\/\w+\.json$/.test(path));

describe('the size budgets', () => {
  it.each(BUNDLE_CASES.map((c) => [c.imports, c] as const))('import %s stays within its budget', async (_, bundleCase) => {
    const size = await bundleSize(bundleCase);
    console.info(`import ${size.imports}: ${size.minified} B minified (${size.utf8} B as UTF-8), ${size.gzip} B gzip`);
    expect(size.minified).toBeLessThanOrEqual(bundleCase.budget);
    expect(size.gzip).toBeLessThan(size.minified);
  });

  it('keeps json-rules-engine and the full law text out of an app that only evaluates', async () => {
    const { inputs } = await bundleSize({ imports: "{ evaluate } from 'shequ-rules'", budget: 0 });
    expect(inputs.some((path) => path.includes('dist/evaluateCompiled.js'))).toBe(true);
    // Only json-rules-engine's operator modules (the compiled checks run its operators), not the engine.
    expect(inputs.filter((path) => /json-rules-engine\/dist\/(index|engine|almanac|rule|fact|condition)\.js$|jsonpath-plus|eventemitter2/.test(path))).toEqual([]);
    expect(inputs.filter((path) => /(^|\/)rules\/\w+\.json$/.test(path))).toEqual([]);
    const { inputs: reference } = await bundleSize({ imports: "{ createRulesEngine } from 'shequ-rules'", budget: 0 });
    expect(reference.some((path) => path.includes('json-rules-engine/dist/engine.js'))).toBe(true);
  });

  it('keeps the law text out of an app that imports only the catalogue helpers that do not quote it', async () => {
    const { inputs } = await bundleSize({
      imports: "{ listLaws, summarizeLaws, checkCoverage, formatCitationLabel, isCityKey, toChineseNumeral, fromChineseNumeral } from 'shequ-rules'",
      budget: 0,
    });
    expect(inputs.some((path) => path.includes('dist/catalogue/coverage.js'))).toBe(true);
    expect(lawFiles(inputs)).toEqual([]);
  });

  it.each(CITY_KEYS)('bundles only its own law for shequ-rules/laws/%s', async (city) => {
    const { inputs } = await bundleSize({ imports: `{ getArticle, searchArticles } from 'shequ-rules/laws/${city}'`, budget: 0 });
    expect(lawFiles(inputs)).toEqual([`dist/rules/${city}.json`]);
    expect(inputs.filter((path) => /ruleFiles|evaluate|generated\//.test(path))).toEqual([]);
  });

  it('splits loadLaw: an entry chunk with no law text, and one chunk per law loaded on demand', async () => {
    const split = await splitBundleSize(LOAD_LAW_CASE);
    console.info(`import ${split.imports}, split: entry ${split.entry.minified} B minified, ${split.entry.gzip} B gzip`);
    expect(split.entry.minified).toBeLessThanOrEqual(LOAD_LAW_CASE.budget);
    expect(lawFiles(split.entry.inputs)).toEqual([]);
    const lawChunks = split.chunks.map((chunk) => lawFiles(chunk.inputs)).filter((files) => files.length > 0);
    expect(lawChunks.sort()).toEqual(CITY_KEYS.map((city) => [`dist/rules/${city}.json`]).sort());
  });

  it(`packs into at most ${TARBALL_BUDGET} bytes unpacked`, async () => {
    const tarball = await tarballSize();
    console.info(`tarball: ${tarball.unpacked} B unpacked, ${tarball.packed} B packed, ${tarball.files.length} files`);
    expect(tarball.unpacked).toBeLessThanOrEqual(TARBALL_BUDGET);
    expect(tarball.files.some((f) => f.path === 'dist/index.js')).toBe(true);
  });
});
