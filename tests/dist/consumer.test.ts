/**
 * The packed tarball as a new user gets it: `npm pack`, unpacked into a consumer's
 * node_modules/shequ-rules, its dependencies linked from ours (offline: no registry needed, in CI
 * either), and used from an ESM app with a fast-check property suite, a CommonJS script, a strict
 * TypeScript HTTP service (module node16) and a strict TypeScript app with bundler resolution.
 * Also publint --strict and attw on the same tarball, and a check that everything dist/ imports
 * is a declared dependency (linking would otherwise hide a missing one).
 */
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedApp, root, run, write } from './packedApp.js';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

let work: string;
let tarball: string;
let app: string;

const RECORD = `{ id: 'GY-7', city: 'guiyang', kind: 'community', asOf: '2024-01-01', facts: { serviceFacilityAreaSqm: 750 } }`;

beforeAll(async () => {
  ({ work, tarball, app } = await installPackedApp('shequ-consumer-', 'consumer'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('imports nothing from dist/ but node built-ins and its declared dependencies and peers', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/shequ-rules/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), ...builtinModules]);
    const dist = join(app, 'node_modules/shequ-rules/dist');
    const imported = new Set<string>();
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(c?js)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8');
      // Minified: several imports on one line, `from"x"` without a space.
      const specifiers = code.matchAll(/(?:\bfrom\s*|\bimport\s*|\brequire\(\s*|\bimport\(\s*)["']([@\w.][\w@./:-]*)["']/g);
      for (const m of specifiers) {
        if (m[1]!.startsWith('.')) continue;
        const spec = m[1]!.replace(/^node:/, '');
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...imported].filter((name) => !declared.has(name))).toEqual([]);
    expect(imported.has('zod')).toBe(true);
  });

  it('passes publint --strict', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const data = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
      strict: true,
    });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  });

  it('passes attw (are the types wrong) for node16 and bundler resolution', { timeout: 300_000 }, async () => {
    const result = await run(bin('attw'), [tarball, '--profile', 'node16', '--format', 'json'], { cwd: work }).catch(
      (error: { stdout: string }) => error,
    );
    const report = JSON.parse(result.stdout) as { analysis: { problems: { resolutionKind?: string }[] } };
    // node10 resolution ignores `exports`, so no subpath (shequ-rules/arbitraries) can resolve there;
    // the main entry does. The profile node16 leaves node10 out for that reason.
    expect(report.analysis.problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it('runs in an ESM app: evaluate, a JSON import with { type: "json" }, and a property suite with shequ-rules/arbitraries', async () => {
    const dir = join(app, 'esm');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'main.js': `
        import fc from 'fast-check';
        import { evaluate, evaluateSync } from 'shequ-rules';
        import { invalidRecordArbitrary, recordArbitraryFor } from 'shequ-rules/arbitraries';
        import guiyang from 'shequ-rules/rules/guiyang.json' with { type: 'json' };
        const result = await evaluate(${RECORD});
        const area = result.findings.find((f) => f.ruleId === 'guiyang.37.1.premises-area');
        fc.assert(fc.property(recordArbitraryFor({ city: 'guiyang', kind: 'community' }), (record) => {
          const r = evaluateSync(record);
          return r.valid && r.findings.every((f) => f.ruleId.startsWith('guiyang.'));
        }), { numRuns: 100 });
        fc.assert(fc.property(invalidRecordArbitrary, ({ record, path, code }) => {
          const r = evaluateSync(record);
          return !r.valid && r.errors.some((e) => e.path === path && e.code === code);
        }), { numRuns: 100 });
        console.log(JSON.stringify([area.status, area.expected, guiyang.city]));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual(['fail', 800, 'guiyang']);
  });

  it('runs in a CommonJS script', async () => {
    const dir = join(app, 'cjs');
    write(dir, {
      'package.json': JSON.stringify({ type: 'commonjs' }),
      'main.js': `
        const { evaluateSync, getArticle } = require('shequ-rules');
        const r = evaluateSync(${RECORD});
        console.log(JSON.stringify([r.valid, getArticle('guiyang', 37).label]));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual([true, '第三十七条']);
  });

  it('serves a typed HTTP service compiled with strict TypeScript (module node16)', { timeout: 300_000 }, async () => {
    const dir = join(app, 'http');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'node16',
          moduleResolution: 'node16',
          target: 'ES2022',
          outDir: 'out',
          skipLibCheck: false,
          typeRoots: [join(root, 'node_modules/@types')],
          types: ['node'],
        },
        include: ['server.ts'],
      }),
      'server.ts': `
        import { createServer } from 'node:http';
        import { createEvaluator, type EvaluationResult, type Finding } from 'shequ-rules';
        const evaluator = createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { tolerance: 0.1 } } });
        const failures = (result: EvaluationResult): Finding[] => (result.valid ? result.findings.filter((f) => f.status === 'fail') : []);
        const server = createServer((req, res) => {
          let body = '';
          req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          req.on('end', async () => {
            const result = await evaluator.evaluate(JSON.parse(body) as unknown);
            const failed = failures(result).map((f) => ({ id: f.ruleId, expected: f.expected, actual: f.actual }));
            res.writeHead(result.valid ? 200 : 422, { 'content-type': 'application/json' });
            res.end(JSON.stringify(result.valid ? { failed } : { errors: result.errors.map((e) => e.path) }));
          });
        });
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          if (address && typeof address === 'object') console.log(address.port);
        });`,
    });
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
    const child = spawn(process.execPath, ['out/server.js'], { cwd: dir });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString())));
        child.once('error', reject);
      });
      const post = (body: unknown) =>
        fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => [r.status, await r.json()]);
      expect(await post({ id: 'g', city: 'shenyang', kind: 'grid', asOf: '2024-01-01', facts: { households: 340 } })).toEqual([
        200,
        { failed: [expect.objectContaining({ id: 'shenyang.12.1.grid-size' })] },
      ]);
      expect(await post({ id: 'g', city: 'shenyang', kind: 'grid', asOf: '2024-02-30' })).toEqual([422, { errors: ['asOf'] }]);
    } finally {
      child.kill();
    }
  });

  it('typechecks a strict TypeScript app with bundler resolution, rejecting a misspelt fact', { timeout: 300_000 }, async () => {
    const dir = join(app, 'bundler');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'bundler', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
        include: ['app.ts'],
      }),
      'app.ts': `
        import { evaluateSync, type CheckIdOf, type Finding } from 'shequ-rules';
        import { recordArbitrary } from 'shequ-rules/arbitraries';
        const result = evaluateSync(${RECORD});
        const ids: CheckIdOf<'guiyang', 'community'>[] = result.valid ? result.findings.map((f) => f.ruleId) : [];
        const missing = (f: Finding): string[] => (f.status === 'unknown' ? f.missing : []);
        // @ts-expect-error serviceFacilityArea is not a fact of a community
        evaluateSync({ id: 'x', city: 'guiyang', kind: 'community', facts: { serviceFacilityArea: 1 } });
        export { ids, missing, recordArbitrary };`,
    });
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir }).catch(
      (error: { stdout: string }) => error,
    );
    expect(stdout).toBe('');
  });
});
