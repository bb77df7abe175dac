import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvaluator } from '../../evaluate.js';
import { UsageError } from '../io.js';
import type { CheckResult } from './result.js';
import { runCheckWith, type CheckDependencies } from './run.js';
import { fakeEvaluator, record, testIO } from './testing.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deps: CheckDependencies = { createEvaluator: () => fakeEvaluator() };

const passing = record('GY-1', 'guiyang', 'task', { outcomes: [{ id: 'guiyang.14.3.new-task-approval', status: 'pass' }] });
const warning = record('DL-1', 'dalian', 'grid', { outcomes: [{ id: 'dalian.18.2.grid-workers', status: 'fail', severity: 'warning', binding: false }] });
const violation = record('TH-1', 'tonghua', 'grid', { outcomes: [{ id: 'tonghua.16.1.roster-posted', status: 'fail' }] });
const invalid = record('SY-1', 'shenyang', 'community', { invalid: true });

async function batch(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

function parseNdjson(text: string): CheckResult[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CheckResult);
}

describe('runCheckWith', () => {
  it('exits 0, 1 or 2 from the findings and --fail-on', async () => {
    const ok = await batch('ok.ndjson', [passing, warning]);
    expect(await runCheckWith([ok], testIO(), deps)).toBe(0);
    expect(await runCheckWith([ok, '--fail-on', 'warning'], testIO(), deps)).toBe(1);
    const bad = await batch('bad.ndjson', [passing, violation]);
    expect(await runCheckWith([bad], testIO(), deps)).toBe(1);
    expect(await runCheckWith([bad, '--fail-on', 'never'], testIO(), deps)).toBe(0);
    const broken = await batch('broken.ndjson', [passing, invalid]);
    expect(await runCheckWith([broken, '--fail-on', 'never'], testIO(), deps)).toBe(2);
  });

  it('gives one result per non-blank line, in order, with nothing lost', async () => {
    const path = await batch('mixed.ndjson', [passing, '', 'not json', violation, '   ', invalid, '{"id":"cut"']);
    const io = testIO();
    expect(await runCheckWith([path], io, deps)).toBe(2);
    const results = parseNdjson(io.stdout.text);
    expect(results.map((r) => [r.line, r.recordId, 'valid' in r ? r.valid : 'skipped'])).toEqual([
      [1, 'GY-1', true],
      [3, null, false],
      [4, 'TH-1', true],
      [6, 'SY-1', false],
      [7, null, false],
    ]);
  });

  it('says on stderr when the input held no record at all, and only then', async () => {
    const empty = await batch('empty.ndjson', ['', '   ']);
    const io = testIO();
    expect(await runCheckWith([empty], io, deps)).toBe(0);
    expect(io.stderr.text).toBe('shequ-rules check: no records in the input (0 read)\n');
    const one = testIO();
    await runCheckWith([await batch('one.ndjson', [passing])], one, deps);
    expect(one.stderr.text).toBe('');
    const missing = testIO();
    await runCheckWith([join(dir, 'missing.ndjson')], missing, deps);
    expect(missing.stderr.text).not.toMatch(/no records/);
  });

  it('gives the same report for a file and for the same bytes on stdin', async () => {
    const lines = [passing, warning, violation, invalid];
    const path = await batch('same.ndjson', lines);
    const fromFile = testIO();
    const fromStdin = testIO({ stdin: `${lines.join('\n')}\n` });
    const codeFile = await runCheckWith([path, '--format', 'json'], fromFile, deps);
    const codeStdin = await runCheckWith(['-', '--format', 'json'], fromStdin, deps);
    expect(codeStdin).toBe(codeFile);
    expect(fromStdin.stdout.text).toBe(fromFile.stdout.text);
    // no FILE at all also means stdin
    const implicit = testIO({ stdin: `${lines.join('\n')}\n` });
    await runCheckWith(['--format', 'json'], implicit, deps);
    expect(implicit.stdout.text).toBe(fromFile.stdout.text);
  });

  it('reports an unreadable file, checks the other files and exits 2', async () => {
    const first = await batch('first.ndjson', [passing]);
    const io = testIO();
    expect(await runCheckWith([first, 'nope.ndjson'], io, deps)).toBe(2);
    const results = parseNdjson(io.stdout.text);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ file: first, recordId: 'GY-1' });
    expect(results[1]).toMatchObject({ file: 'nope.ndjson', line: 0, fileError: true });
    expect(io.stderr.text).toMatch(/cannot read nope\.ndjson: no such file/);
  });

  it('skips other cities with --city, counts them and does not change the exit code', async () => {
    const path = await batch('cities.ndjson', [passing, violation]);
    const io = testIO();
    expect(await runCheckWith([path, '--city', 'guiyang', '--format', 'json'], io, deps)).toBe(0);
    const doc = JSON.parse(io.stdout.text) as { results: CheckResult[]; summary: { skipped: number; records: number } };
    expect(doc.results[1]).toMatchObject({ recordId: 'TH-1', skipped: true });
    expect(doc.summary).toMatchObject({ records: 2, skipped: 1 });
  });

  it('passes --as-of and --allow-unknown-keys to the evaluator', async () => {
    const seen: unknown[] = [];
    const path = await batch('opts.ndjson', [passing]);
    await runCheckWith([path, '--as-of', '2024-03-01', '--allow-unknown-keys'], testIO(), {
      createEvaluator: (options) => {
        seen.push(options);
        return fakeEvaluator();
      },
    });
    expect(seen).toEqual([{ asOf: '2024-03-01', allowUnknownKeys: true }]);
  });

  it('with --explain writes each finding with its trace, as NDJSON even on a terminal', async () => {
    const grid = JSON.stringify({ id: 'TH-G-1', city: 'tonghua', kind: 'grid', asOf: '2024-05-10', facts: { gridHeads: 1, gridWorkers: 0 } });
    const path = await batch('explain.ndjson', [grid]);
    const io = testIO({ stdoutIsTTY: true });
    expect(await runCheckWith([path, '--explain'], io, { createEvaluator })).toBe(1);
    const [result] = parseNdjson(io.stdout.text) as unknown as [{ findings: { ruleId: string; trace?: { passesWhen: unknown } }[] }];
    const staffing = result.findings.find((f) => f.ruleId === 'tonghua.14.1.grid-staffing');
    expect(staffing?.trace?.passesWhen).toMatchObject({ all: [{ fact: 'gridHeads', truth: true }, { fact: 'gridWorkers', actual: 0, truth: false }], truth: false });
    const plain = testIO();
    await runCheckWith([path], plain, { createEvaluator });
    expect(plain.stdout.text).not.toContain('"trace"');
  });

  it('defaults to a table on a terminal and to NDJSON otherwise', async () => {
    const path = await batch('tty.ndjson', [violation]);
    const tty = testIO({ stdoutIsTTY: true });
    await runCheckWith([path], tty, deps);
    expect(tty.stdout.text).toMatch(/^TH-1 {2}Tonghua grid {2}line 1\n {2}✗ violation/);
    const pipe = testIO();
    await runCheckWith([path], pipe, deps);
    expect(parseNdjson(pipe.stdout.text)).toHaveLength(1);
  });

  it('writes --out atomically and nothing to stdout', async () => {
    const path = await batch('in.ndjson', [passing, violation]);
    const io = testIO();
    expect(await runCheckWith([path, '--format', 'csv', '--out', 'report.csv'], { ...io, cwd: dir }, deps)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect((await readdir(dir)).sort()).toEqual(['in.ndjson', 'report.csv']);
    expect(await readFile(join(dir, 'report.csv'), 'utf8')).toMatch(/^\uFEFFfile,line,record_id/);
  });

  it('rejects an --out in a missing directory as a usage error', async () => {
    const path = await batch('in.ndjson', [passing]);
    await expect(runCheckWith([path, '--out', join(dir, 'no/such/dir/r.csv')], testIO(), deps)).rejects.toThrow(UsageError);
  });

  it('on interruption stops reading, leaves no report nor temporary file, and exits 130', async () => {
    const controller = new AbortController();
    const stdin = new PassThrough(); // never ends, like a terminal or a slow pipe
    const io = { ...testIO(), stdin, cwd: dir };
    const run = runCheckWith(['-', '--format', 'junit', '--out', 'report.xml'], io, { ...deps, signal: controller.signal });
    stdin.write(`${passing}\n${violation}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await run).toBe(130);
    expect(await readdir(dir)).toEqual([]);
    expect(io.stderr.text).toMatch(/interrupted/);
  });

  it('says an interruption and a wait on a terminal in the language asked for', async () => {
    const controller = new AbortController();
    const stdin = Object.assign(new PassThrough(), { isTTY: true }); // a terminal: nothing comes until typed
    const io = { ...testIO(), stdin, cwd: dir };
    const run = runCheckWith(['-', '--format', 'ndjson', '--lang', 'zh'], io, { ...deps, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await run).toBe(130);
    expect(io.stderr.text).toBe('shequ-rules check：从标准输入读取记录（按 Ctrl-D 结束）\nshequ-rules check：已中断，未写出报告\n');
  });

  it('shows help with exit code 0', async () => {
    const io = testIO();
    expect(await runCheckWith(['--help'], io, deps)).toBe(0);
    expect(io.stdout.text).toMatch(/^Usage: shequ-rules check/);
  });

  it('draws progress and a closing line on stderr only when it is a terminal', async () => {
    const path = await batch('p.ndjson', [passing]);
    const quiet = testIO();
    await runCheckWith([path], quiet, deps);
    expect(quiet.stderr.text).toBe('');
    const loud = testIO({ stderrIsTTY: true });
    await runCheckWith([path], loud, deps);
    expect(loud.stderr.text).toMatch(/checked 1 record · /);
    expect(loud.stderr.text).toMatch(/shequ-rules check: 1 record · 1 valid · 0 invalid · 0 skipped · 0 failing findings · exit 0\n$/);
    const zh = testIO({ stderrIsTTY: true });
    await runCheckWith([path, '--lang', 'zh'], zh, deps);
    expect(zh.stderr.text).toMatch(/已检查 1 条记录 · 每秒/);
    expect(zh.stderr.text).toMatch(/shequ-rules check：记录 1 条 · 有效 1 · 无效 0 · 跳过 0 · 不符合 0 项 · 退出码 0\n$/);
  });

  it('says an unreadable file on stderr in the language asked for, Chinese throughout with --lang zh', async () => {
    // ndjson with the package's evaluator goes through rendered batches, json result by result.
    for (const [format, deps] of [['ndjson', { createEvaluator }], ['json', { createEvaluator: () => fakeEvaluator() }]] as const) {
      const en = testIO();
      expect(await runCheckWith([join(dir, 'nope.ndjson'), '--format', format], en, deps)).toBe(2);
      expect(en.stderr.text).toBe(`shequ-rules check: cannot read ${join(dir, 'nope.ndjson')}: no such file (ENOENT)\n`);
      const zh = testIO();
      expect(await runCheckWith([join(dir, 'nope.ndjson'), '--format', format, '--lang', 'zh'], zh, deps)).toBe(2);
      expect(zh.stderr.text).toBe(`shequ-rules check：无法读取 ${join(dir, 'nope.ndjson')}：文件不存在（ENOENT）\n`);
    }
  });
});
