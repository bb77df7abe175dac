import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');
const execFileAsync = promisify(execFile);

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { maxBuffer: 32 * 1024 * 1024, env: { ...process.env, LANG: 'C' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const record = (id: string, facts: Record<string, unknown>) =>
  JSON.stringify({ id, city: 'guiyang', kind: 'community', asOf: '2024-06-01', facts });

describe('dist/cli.js diff', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shequ-diff-'));
    await writeFile(join(dir, 'before.ndjson'), [record('GY-1', { serviceFacilityAreaSqm: 750 }), record('GY-2', { serviceFacilityAreaSqm: 900 }), record('GY-3', {})].join('\n'));
    await writeFile(join(dir, 'after.ndjson'), [record('GY-1', { serviceFacilityAreaSqm: 820 }), record('GY-2', { serviceFacilityAreaSqm: 700 }), record('GY-4', {})].join('\n'));
  });

  it('compares two record files with --check and exits 1 on a new failure', async () => {
    const { code, stdout } = await run('diff', join(dir, 'before.ndjson'), join(dir, 'after.ndjson'), '--check', '--format', 'json', '--lang', 'en');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { changes: Array<{ change: string; recordId: string; ruleId?: string }>; summary: { counts: Record<string, number> } };
    const area = (id: string) => report.changes.find((c) => c.recordId === id && c.ruleId === 'guiyang.37.1.premises-area')?.change;
    expect(area('GY-1')).toBe('fixed');
    expect(area('GY-2')).toBe('new-failure');
    expect(report.changes.filter((c) => c.change === 'added').map((c) => c.recordId)).toEqual(['GY-4']);
    expect(report.changes.filter((c) => c.change === 'removed').map((c) => c.recordId)).toEqual(['GY-3']);
    expect(report.summary.counts).toMatchObject({ fixed: 1, 'new-failure': 1, added: 1, removed: 1 });
  });

  it('compares two result files written by check (json and ndjson) the same way', async () => {
    const r1 = await run('check', join(dir, 'before.ndjson'), '--format', 'json');
    const r2 = await run('check', join(dir, 'after.ndjson'), '--format', 'ndjson');
    await writeFile(join(dir, 'r1.json'), r1.stdout);
    await writeFile(join(dir, 'r2.ndjson'), r2.stdout);
    const { code, stdout } = await run('diff', join(dir, 'r1.json'), join(dir, 'r2.ndjson'), '--format', 'ndjson');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { change?: string; summary?: { exitCode: number } });
    expect(lines.at(-1)?.summary?.exitCode).toBe(1);
    expect(lines.filter((l) => l.change === 'fixed')).toHaveLength(1);
  });

  it('exits 0 comparing a run with itself, and prints a Chinese table with --lang zh', async () => {
    const same = await run('diff', join(dir, 'after.ndjson'), join(dir, 'after.ndjson'), '--check', '--format', 'table', '--lang', 'zh');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('新增不符合 0');
    const changed = await run('diff', join(dir, 'before.ndjson'), join(dir, 'after.ndjson'), '--check', '--format', 'csv', '--out', join(dir, 'd.csv'));
    expect(changed.code).toBe(1);
    expect(await readFile(join(dir, 'd.csv'), 'utf8')).toContain('new-failure,GY-2,guiyang,community,guiyang.37.1.premises-area');
  });

  it('refuses --out naming BEFORE or AFTER, which it would replace, and leaves the file as it was', async () => {
    const before = join(dir, 'kept-before.ndjson');
    await writeFile(before, `${record('GY-1', {})}\n`);
    for (const out of [before, join(dir, 'after.ndjson')]) {
      const { code, stderr } = await run('diff', before, join(dir, 'after.ndjson'), '--check', '--out', out);
      expect(code).toBe(2);
      expect(stderr).toMatch(/is the input .*: refusing to overwrite it/);
    }
    expect(await readFile(before, 'utf8')).toBe(`${record('GY-1', {})}\n`);
  });

  it('says in one line when --out cannot be written (a directory, a missing directory), before reading', async () => {
    for (const out of [dir, join(dir, 'no-such-dir', 'report.ndjson')]) {
      const { code, stderr } = await run('diff', join(dir, 'before.ndjson'), join(dir, 'after.ndjson'), '--check', '--out', out);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^shequ-rules diff: --out: cannot write /);
      expect(stderr).not.toMatch(/\n\s+at |\.tmp/);
    }
  });

  it('says clearly when a file is missing, without repeating ENOENT', async () => {
    const { code, stderr } = await run('diff', join(dir, 'nope.ndjson'), join(dir, 'after.ndjson'));
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
    expect(stderr).not.toMatch(/ENOENT.*ENOENT/);
  });
});
