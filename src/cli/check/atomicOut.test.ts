import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomicOut } from './atomicOut.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-out-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openAtomicOut', () => {
  it('writes to a temporary file beside the target and renames it on commit', async () => {
    const target = join(dir, 'report.csv');
    const out = await openAtomicOut(target);
    out.stream.write('half');
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^\.report\.csv\..*\.tmp$/)]);
    out.stream.write(' and whole');
    await out.commit();
    expect(await readdir(dir)).toEqual(['report.csv']);
    expect(await readFile(target, 'utf8')).toBe('half and whole');
  });

  it('leaves an existing report untouched and no temporary file on abort', async () => {
    const target = join(dir, 'report.csv');
    await writeFile(target, 'previous');
    const out = await openAtomicOut(target);
    out.stream.write('partial');
    await out.abort();
    expect(await readdir(dir)).toEqual(['report.csv']);
    expect(await readFile(target, 'utf8')).toBe('previous');
  });

  it('rejects when the directory does not exist', async () => {
    await expect(openAtomicOut(join(dir, 'no', 'report.csv'))).rejects.toThrow(/ENOENT/);
  });
});
