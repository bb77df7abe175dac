/**
 * `check --jobs N` on the BUILT CLI: worker threads give the bytes and exit code of --jobs 1.
 */
import { spawnSync } from 'node:child_process';
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
