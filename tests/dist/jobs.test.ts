/**
 * `check --jobs N` on the BUILT CLI: worker threads give the bytes and exit code of --jobs 1, and a
 * report to standard output redirected to a file is the report --out writes.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLines } from '../../scripts/gen.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');

let dir: string;
let input: string;
let second: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-jobs-'));
  input = join(dir, 'batch.ndjson');
  second = join(dir, 'more.ndjson');
  await writeFile(input, `${[...generateLines({ records: 2200, seed: 9, invalidRate: 0.03 })].join('\n')}\n`);
  await writeFile(second, [...generateLines({ records: 700, seed: 10, invalidRate: 0.03 })].join('\n'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function check(args: string[]) {
  const run = spawnSync(process.execPath, [cli, 'check', ...args, '--as-of', '2024-01-01'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('check --jobs', () => {
  it.each([['ndjson'], ['csv']])('writes with --jobs 2 and auto exactly the %s bytes of --jobs 1', (format) => {
    const one = check([input, second, '--format', format, '--jobs', '1']);
    const two = check([input, second, '--format', format, '--jobs', '2']);
    const auto = check([input, second, '--format', format, '-j', 'auto']);
    expect(one.stdout.split('\n').length).toBeGreaterThan(2800);
    expect(two.stdout).toBe(one.stdout);
    expect(auto.stdout).toBe(one.stdout);
    expect([two.code, auto.code]).toEqual([one.code, one.code]);
  });

  it('evaluates other formats on the main thread with the same summary', () => {
    const one = check([second, '--format', 'json']);
    const two = check([second, '--format', 'json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('check with standard output redirected to a file', () => {
  /** Runs check with descriptor 1 on `file`, opened with `flags` ('w' as `>`, 'a' as `>>`). */
  function checkInto(file: string, flags: 'w' | 'a', args: string[]) {
    const fd = openSync(file, flags);
    try {
      const run = spawnSync(process.execPath, [cli, 'check', ...args, '--as-of', '2024-01-01'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      return { code: run.status, stderr: run.stderr };
    } finally {
      closeSync(fd);
    }
  }

  it.each([['ndjson', '1'], ['ndjson', '2'], ['csv', '1'], ['json', '1']])('writes as > the whole %s report of --out (--jobs %s)', (format, jobs) => {
    const out = join(dir, `out.${format}.${jobs}`);
    const redirected = join(dir, `redirected.${format}.${jobs}`);
    const viaOut = check([input, second, '--format', format, '--jobs', jobs, '--out', out]);
    const viaStdout = checkInto(redirected, 'w', [input, second, '--format', format, '--jobs', jobs]);
    const expected = readFileSync(out);
    expect(expected.length).toBeGreaterThan(100_000);
    expect(readFileSync(redirected).equals(expected)).toBe(true);
    expect(viaStdout.code).toBe(viaOut.code);
  });

  it('writes at the descriptor’s offset: after what the file held (>>), after a header written on it ({ echo; check; } > file)', () => {
    const out = join(dir, 'append.out.ndjson');
    check([second, '--format', 'ndjson', '--out', out]);
    const report = readFileSync(out, 'utf8');
    const log = join(dir, 'append.log');
    writeFileSync(log, 'earlier line\n');
    checkInto(log, 'a', [second, '--format', 'ndjson']);
    checkInto(log, 'a', [second, '--format', 'ndjson']);
    expect(readFileSync(log, 'utf8')).toBe(`earlier line\n${report}${report}`);
    const grouped = join(dir, 'grouped.ndjson');
    const fd = openSync(grouped, 'w');
    try {
      writeSync(fd, 'header\n');
      spawnSync(process.execPath, [cli, 'check', second, '--format', 'ndjson', '--as-of', '2024-01-01'], { stdio: ['ignore', fd, 'ignore'] });
      writeSync(fd, 'footer\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(grouped, 'utf8')).toBe(`header\n${report}footer\n`);
  });
});
