/**
 * The size budgets of issue #10 on the built package: what a browser app pays for importing only
 * `evaluate`, or only a catalogue helper (esbuild --bundle --minify --platform=browser, resolved
 * through the package's `exports`), and the unpacked tarball. `npm run size` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_CASES, bundleSize, TARBALL_BUDGET, tarballSize } from '../../scripts/size.js';

describe('the size budgets', () => {
  it.each(BUNDLE_CASES.map((c) => [c.imports, c] as const))('import %s stays within its budget', async (_, bundleCase) => {
    const size = await bundleSize(bundleCase);
    console.info(`import ${size.imports}: ${size.minified} B minified, ${size.gzip} B gzip`);
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

  it(`packs into at most ${TARBALL_BUDGET} bytes unpacked`, async () => {
    const tarball = await tarballSize();
    console.info(`tarball: ${tarball.unpacked} B unpacked, ${tarball.packed} B packed, ${tarball.files.length} files`);
    expect(tarball.unpacked).toBeLessThanOrEqual(TARBALL_BUDGET);
    expect(tarball.files.some((f) => f.path === 'dist/index.js')).toBe(true);
  });
});
