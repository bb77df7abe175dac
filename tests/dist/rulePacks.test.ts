/**
 * Rule packs and what-ifs from the packed tarball, as an importing app uses them: the tarball
 * unpacked into a consumer's node_modules (dependencies linked from ours, offline), then an ESM
 * script (a what-if of Shenyang's grid at 250 households, a sixth city's rule file, a broken pack,
 * compareCities, properties written with shequ-rules/arbitraries) and a strict TypeScript module
 * that type-checks a small service over a rule-pack evaluator.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedApp, root, run, write } from './packedApp.js';

let work: string;
let app: string;

beforeAll(async () => {
  ({ work, app } = await installPackedApp('shequ-packs-', 'packs-consumer'));
  // The sixth city's rule file is the app's own data, not the package's.
  copyFileSync(join(root, 'fixtures/rule-packs/sample.json'), join(app, 'sample.json'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('rule packs and what-ifs from the packed tarball', () => {
  it('judges Shenyang grids at 250 households, runs a sixth city, names a broken pack, and holds properties over shequ-rules/arbitraries', async () => {
    const dir = join(app, 'esm');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'main.js': `
        import fc from 'fast-check';
        import { readFileSync } from 'node:fs';
        import { compareCities, createEvaluator, evaluateSync, RulePackError } from 'shequ-rules';
        import { recordArbitrary, recordArbitraryFor } from 'shequ-rules/arbitraries';
        const out = {};

        // What-if: Shenyang's 300户左右 read as 250 ± 10%.
        const whatIf = createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { households: 250, tolerance: 0.1 } } });
        const grid = { id: 'SY-G-1', city: 'shenyang', kind: 'grid', asOf: '2024-05-01', facts: { households: 280 } };
        const gridSize = (r) => r.findings.find((f) => f.ruleId === 'shenyang.12.1.grid-size');
        out.whatIf = [gridSize(evaluateSync(grid)).status, gridSize(whatIf.evaluateSync(grid)).status, gridSize(whatIf.evaluateSync(grid)).expected, gridSize(whatIf.evaluateSync(grid)).message.zh];

        // A sixth city from its rule file.
        const sample = JSON.parse(readFileSync('../sample.json', 'utf8'));
        const packed = createEvaluator({ rules: [{ name: 'sample.json', file: sample }] });
        const sixth = packed.evaluateSync({ id: 'SA-G-1', city: 'sample', kind: 'grid', asOf: '2024-05-01', facts: { households: 400 } });
        out.sixth = [packed.cities.length, sixth.valid, sixth.findings.map((f) => [f.ruleId, f.status, f.citation.label, f.citation.text])];

        // A broken pack is an error naming the file and the JSON path.
        const broken = structuredClone(sample);
        broken.articles[1].checks[0].conditions.all[1].all[0].operator = 'withinTolerence';
        try { createEvaluator({ rules: [{ name: 'sample.json', file: broken }] }); out.broken = 'loaded'; }
        catch (error) { out.broken = [error instanceof RulePackError, error.file, error.jsonPath]; }

        // Properties with the exported arbitraries.
        // 1. A stricter what-if never passes what the law as written fails (Guiyang 37: 800 → 900 m²).
        const stricter = createEvaluator({ parameters: { 'guiyang.37.1.premises-area': { minimumSqm: 900 } } });
        const premises = (r) => r.findings.find((f) => f.ruleId === 'guiyang.37.1.premises-area')?.status;
        fc.assert(fc.property(recordArbitraryFor({ city: 'guiyang', kind: 'community' }), (record) => {
          const asWritten = premises(evaluateSync(record));
          return asWritten !== 'fail' || premises(stricter.evaluateSync(record)) === 'fail';
        }), { numRuns: 300 });
        // 2. compareCities gives each city exactly the findings of the record submitted there.
        const five = ['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou'];
        fc.assert(fc.property(recordArbitrary, (record) => {
          const [comparison] = compareCities([record], five);
          return comparison.cities.every((c, i) =>
            JSON.stringify(c.findings) === JSON.stringify(evaluateSync({ ...record, city: five[i] }).findings) && c.hasChecks === c.findings.length > 0);
        }), { numRuns: 100 });
        out.properties = 'held';
        console.log(JSON.stringify(out));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({
      whatIf: ['pass', 'fail', 250, '不符合第十二条：网格 280 户，偏离“250户左右”的标准（按 225–275 户掌握）。'],
      sixth: [6, true, [['sample.2.1.grid-size', 'fail', '第二条', '街道办事处应当按照250户左右标准划定网格。']]],
      broken: [true, 'sample.json', 'articles[1].checks[0].conditions.all[1].all[0].operator'],
      properties: 'held',
    });
  }, 120_000);

  it('type-checks a strict TypeScript service over a rule-pack evaluator and typed what-if parameters', { timeout: 300_000 }, async () => {
    const dir = join(app, 'ts');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', noEmit: true, skipLibCheck: false, resolveJsonModule: true, types: [] },
        include: ['service.ts'],
      }),
      'service.ts': `
        import { compareCities, createEvaluator, RulePackError, type CityComparison, type EvaluationResult, type RulePackEvaluator } from 'shequ-rules';
        declare const sample: object;
        const whatIf = createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { households: 250, tolerance: 0.1 } } });
        // @ts-expect-error a misspelt parameter of a bundled check does not compile
        createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { househols: 250 } } });
        const packed: RulePackEvaluator = createEvaluator({ rules: [{ name: 'sample.json', file: sample }] });
        const cityOf = (result: EvaluationResult<string, string>): string | undefined => result.city;
        const failing = (result: EvaluationResult<string, string>): string[] =>
          result.valid ? result.findings.filter((f) => f.status === 'fail').map((f) => \`\${f.ruleId} \${f.citation.label}: \${f.expected ?? ''}\`) : result.errors.map((e) => e.path);
        export function handle(body: unknown): { city?: string; failing: string[] } {
          try {
            const result = packed.evaluateSync(body);
            const city = cityOf(result);
            return { ...(city !== undefined ? { city } : {}), failing: failing(result) };
          } catch (error) {
            if (error instanceof RulePackError) return { failing: [\`\${error.file} \${error.jsonPath}\`] };
            throw error;
          }
        }
        export const compared: CityComparison[] = compareCities([], ['guiyang', 'tonghua']);
        export const shenyangOnly = whatIf.cities;`,
    });
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir }).catch(
      (error: { stdout: string }) => error,
    );
    expect(stdout).toBe('');
  });
});
