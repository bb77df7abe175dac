/**
 * The library in a browser page whose Content-Security-Policy refuses `new Function` (no
 * 'unsafe-eval', as many apps ship): `createEvaluator` bundled as an app bundles it (esbuild,
 * platform browser), served with that policy to Debian's chromium. The compiled conditions cannot
 * be generated source there (compileConditions.ts generateTruth); they fall back to their closures
 * and decide every record of fixtures/batch.ndjson exactly as the built package does in Node.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.env.SHEQU_RULES_DIST ?? join(root, 'dist');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://shequ.test';
const POLICY = "default-src 'none'; script-src 'self'";

describe('the library under a Content-Security-Policy without unsafe-eval', () => {
  it('evaluates in Chromium with new Function refused, to the results of Node', async () => {
    const lines = (await readFile(join(root, 'fixtures', 'batch.ndjson'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
    const records: unknown[] = [];
    for (const line of lines) {
      try {
        records.push(JSON.parse(line));
      } catch {
        // a line broken on purpose: not a record
      }
    }
    const { createEvaluator } = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof import('../../src/index.js');
    const expected = records.map((record) => JSON.stringify(createEvaluator({ asOf: '2024-06-01' }).evaluateSync(record)));

    const app = await build({
      stdin: {
        contents: [
          "import { createEvaluator } from 'shequ-rules';",
          'let refused = false;',
          "try { new Function('return 1'); } catch (error) { refused = error instanceof EvalError; }",
          "const records = JSON.parse(document.getElementById('records').textContent);",
          "const evaluator = createEvaluator({ asOf: '2024-06-01' });",
          'window.outcome = { refused, results: records.map((record) => JSON.stringify(evaluator.evaluateSync(record))) };',
        ].join('\n'),
        resolveDir: root,
        sourcefile: 'app.js',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    // JSON in a <script> element: `<` escaped so that no record can close it.
    const page = `<!doctype html><meta charset="utf-8"><script type="application/json" id="records">${JSON.stringify(records).replace(/</g, '\\u003c')}</script><script type="module" src="/app.js"></script>`;

    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext();
      await context.route(`${ORIGIN}/**`, (route) => {
        const js = new URL(route.request().url()).pathname === '/app.js';
        return route.fulfill({
          status: 200,
          headers: { 'content-type': js ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8', 'content-security-policy': POLICY },
          body: js ? Buffer.from(app.outputFiles[0]!.contents) : page,
        });
      });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${ORIGIN}/`);
      await tab.waitForFunction('window.outcome !== undefined', undefined, { timeout: 60_000 });
      const outcome = (await tab.evaluate('window.outcome')) as { refused: boolean; results: string[] };
      expect(errors).toEqual([]);
      // The policy is in force: the page itself cannot compile source.
      expect(outcome.refused).toBe(true);
      expect(outcome.results.length).toBe(records.length);
      expect(outcome.results).toEqual(expected);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
