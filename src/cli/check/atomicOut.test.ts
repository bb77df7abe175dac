import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link } from 'node:fs/promises';
import { openAtomicOut, sameFileAs } from './atomicOut.js';

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

  it('rejects when the directory does not exist, naming it rather than the temporary file', async () => {
    const opening = openAtomicOut(join(dir, 'no', 'report.csv'));
    await expect(opening).rejects.toThrow(/ENOENT/);
    await expect(opening).rejects.toThrow(`no such directory: ${join(dir, 'no')}`);
    await expect(opening).rejects.not.toThrow(/\.tmp/);
  });
});

describe('sameFileAs', () => {
  it('names the input a report path would overwrite: the same path, or the same file by another name', async () => {
    const input = join(dir, 'records.ndjson');
    await writeFile(input, '{}\n');
    await link(input, join(dir, 'alias.ndjson'));
    const inputs = [{ name: '<stdin>', path: null }, { name: 'records.ndjson', path: input }];
    expect(await sameFileAs(input, inputs)).toBe('records.ndjson');
    expect(await sameFileAs(join(dir, 'alias.ndjson'), inputs)).toBe('records.ndjson');
    expect(await sameFileAs(join(dir, 'report.ndjson'), inputs)).toBeUndefined();
  });
});
