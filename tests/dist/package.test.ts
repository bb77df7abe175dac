/**
 * The built package as an app sees it: ESM and CJS entry points, types, the JSON assets, no side
 * effects on import, and the files `npm pack` would ship.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const node = (code: string, type: 'module' | 'commonjs') =>
  run(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { cwd: root });

const RECORD = JSON.stringify({ id: 'p1', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } });

describe('the built package', () => {
  it('evaluates a record through the ESM entry point', async () => {
    const { stdout } = await node(
      `import { evaluate, listLaws } from 'shequ-rules';
       const r = await evaluate(${RECORD});
       const f = r.findings.find((x) => x.ruleId === 'guiyang.37.1.premises-area');
       console.log(JSON.stringify([listLaws().length, f.status, f.expected, f.citation.label]));`,
      'module',
    );
    expect(JSON.parse(stdout)).toEqual([5, 'fail', 800, '第三十七条']);
  });

  it('evaluates a record through the CommonJS entry point', async () => {
    const { stdout } = await node(
      `const { evaluate } = require('shequ-rules');
       evaluate(${RECORD}).then((r) => console.log(r.findings.filter((x) => x.status === 'fail').length));`,
      'commonjs',
    );
    expect(Number(stdout)).toBeGreaterThan(0);
  });

  it('exports fast-check arbitraries as shequ-rules/arbitraries, for ESM and CommonJS', async () => {
    const property = (imports: string) => `${imports}
       fc.assert(fc.property(recordArbitrary, (r) => evaluateSync(r).valid === true), { numRuns: 50 });
       fc.assert(fc.property(invalidRecordArbitrary, ({ record, path, code }) => {
         const r = evaluateSync(record);
         return !r.valid && r.errors.some((e) => e.path === path && e.code === code);
       }), { numRuns: 50 });
       console.log('ok');`;
    const esm = await node(
      property(`import fc from 'fast-check'; import { evaluateSync } from 'shequ-rules';
       import { recordArbitrary, invalidRecordArbitrary } from 'shequ-rules/arbitraries';`),
      'module',
    );
    const cjs = await node(
      property(`const fc = require('fast-check'); const { evaluateSync } = require('shequ-rules');
       const { recordArbitrary, invalidRecordArbitrary } = require('shequ-rules/arbitraries');`),
      'commonjs',
    );
    expect([esm.stdout.trim(), cjs.stdout.trim()]).toEqual(['ok', 'ok']);
    expect(readFileSync(join(root, 'dist/arbitraries.js'), 'utf8')).toMatch(/from\s*["']fast-check["']/);
  });

  it('has no side effects on import: nothing printed, no pending work', async () => {
    const { stdout, stderr } = await node(`import 'shequ-rules';`, 'module');
    expect(stdout + stderr).toBe('');
  });

  it('ships type declarations for both module systems, naming the public API', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts']) {
      const types = readFileSync(join(root, file), 'utf8');
      for (const name of ['evaluate', 'createEvaluator', 'validateRecord', 'Finding', 'getArticle', 'formatCitationLabel']) {
        expect(types, `${file} ${name}`).toContain(name);
      }
    }
  });

  it('exports the rule files and the JSON Schema as package subpaths', async () => {
    const { stdout } = await node(
      `import { createRequire } from 'node:module';
       const require = createRequire(import.meta.url);
       const rules = require('shequ-rules/rules/tonghua.json');
       const schema = require('shequ-rules/schema/record.schema.json');
       console.log(JSON.stringify([rules.articles.length, typeof schema.$schema]));`,
      'module',
    );
    expect(JSON.parse(stdout)).toEqual([45, 'string']);
  });

  it('packs dist (the rule files and the JSON Schema minified in it) and the README, and no sources or tests', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/cli.js', 'dist/rules/guiyang.json', 'dist/schema/record.schema.json', 'README.md']));
    expect(files.some((f) => f.startsWith('rules/') || f.startsWith('schema/'))).toBe(false);
    expect(files.some((f) => f.startsWith('src/') || f.includes('.test.'))).toBe(false);
    // Source maps stay in the repository's build (they were half of the unpacked tarball).
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('has an executable bin with a shebang', () => {
    const cli = readFileSync(join(root, 'dist/cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('points at no source map (the tarball carries none)', () => {
    const code = ['dist/cli.js', 'dist/index.js', 'dist/index.cjs', 'dist/evaluate.js'].map((file) => readFileSync(join(root, file), 'utf8'));
    for (const text of code) expect(text).not.toContain('sourceMappingURL');
  });
});
