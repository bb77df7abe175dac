/**
 * `--out`, signals and write failures (issue #9, faults 5 and 11): the report keeps the mode of
 * the file it replaces, never replaces an input, refuses a directory before reading, and a full
 * disk is one line and exit 3.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_INTERRUPTED, EXIT_WRITE_FAILED } from '../../src/cli/check/exitCode.js';
import { runCheckWith, type CheckDependencies } from '../../src/cli/check/run.js';
import { fakeEvaluator, record, testIO } from '../../src/cli/check/testing.js';
import { UsageError } from '../../src/cli/io.js';

const deps: CheckDependencies = { createEvaluator: () => fakeEvaluator() };
const line = `${record('SY-1', 'shenyang', 'community')}\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-out-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--out', () => {
  it('keeps the mode of the file it replaces', async () => {
    await writeFile(join(dir, 'in.ndjson'), line);
    await writeFile(join(dir, 'private.ndjson'), 'old');
    await chmod(join(dir, 'private.ndjson'), 0o600);
    const code = await runCheckWith(['in.ndjson', '--out', 'private.ndjson'], testIO({ cwd: dir }), deps);
    expect(code).toBe(0);
    expect((await stat(join(dir, 'private.ndjson'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'private.ndjson'), 'utf8')).toContain('SY-1');
  });

  it('refuses to overwrite an input, by name or through a hard link', async () => {
    await writeFile(join(dir, 'batch.ndjson'), line);
    await expect(runCheckWith(['batch.ndjson', '--out', 'batch.ndjson'], testIO({ cwd: dir }), deps)).rejects.toThrow(UsageError);
    await link(join(dir, 'batch.ndjson'), join(dir, 'alias.ndjson'));
    await expect(runCheckWith(['batch.ndjson', '--out', 'alias.ndjson'], testIO({ cwd: dir }), deps)).rejects.toThrow(/is the input batch.ndjson/);
    expect(await readFile(join(dir, 'batch.ndjson'), 'utf8')).toBe(line);
  });

  it('refuses a directory before reading anything', async () => {
    await mkdir(join(dir, 'reports'), { recursive: true });
    const evaluator = fakeEvaluator();
    await writeFile(join(dir, 'one.ndjson'), line);
    await expect(runCheckWith(['one.ndjson', '--out', 'reports'], testIO({ cwd: dir }), { createEvaluator: () => evaluator })).rejects.toThrow(/--out: cannot write reports: .*is a directory/);
    expect(evaluator.calls).toHaveLength(0);
  });
});

describe('write failures', () => {
  it('reports a full disk in one line and exits 3', async () => {
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    const io = { ...testIO({ stdin: line.repeat(5000) }), stdout: full } as unknown as ReturnType<typeof testIO>;
    const code = await runCheckWith(['-'], io, deps);
    expect(code).toBe(EXIT_WRITE_FAILED);
    expect(io.stderr.text.trim().split('\n')).toEqual(['shequ-rules check: cannot write the report to standard output: no space left on the device (ENOSPC); no report was left']);
  });
});

describe('signals', () => {
  it.skipIf(process.platform === 'win32')('stops waiting on a FIFO no one writes to when aborted', async () => {
    const fifo = join(dir, 'waiting.fifo');
    execFileSync('mkfifo', [fifo]);
    const controller = new AbortController();
    const run = runCheckWith(['waiting.fifo'], testIO({ cwd: dir }), { ...deps, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    expect(await run).toBe(EXIT_INTERRUPTED);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.skipIf(process.platform === 'win32')('reads a FIFO once a writer comes', async () => {
    const fifo = join(dir, 'fed.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `sleep 0.2; printf '%s' '${line.trim()}' > '${fifo}'`]);
    const io = testIO({ cwd: dir });
    const code = await runCheckWith(['fed.fifo'], io, deps);
    await new Promise((resolve) => writer.on('close', resolve));
    expect(code).toBe(0);
    expect(io.stdout.text).toContain('"recordId":"SY-1"');
    expect(existsSync(fifo)).toBe(true);
  });
});
