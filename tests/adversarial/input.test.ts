/**
 * Hostile inputs from the adversarial run of issue #9, each against `check` as an auditor runs it
 * (runCheckWith with the real evaluator): broken JSON arrays, gzip with trailing bytes, members and
 * bombs, overlong lines, CR-only and UTF-16 files. Fast: everything is generated small or cheap.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckWith } from '../../src/cli/check/run.js';
import type { CheckResult } from '../../src/cli/check/result.js';
import { testIO } from '../../src/cli/check/testing.js';
import { JsonArrayReader } from '../../src/cli/check/read/jsonArrayReader.js';
import { createEvaluator } from '../../src/evaluate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = readFileSync(join(root, 'fixtures', 'batch.ndjson'));
const fixtureRecords = fixture.toString('utf8').split('\n').filter((l) => l.trim() !== '').length;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-adversarial-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(name: string, content: string | Buffer, args: string[] = []): Promise<{ code: number; results: CheckResult[]; stderr: string }> {
  const path = join(dir, name);
  await writeFile(path, content);
  const io = testIO({ cwd: dir });
  const code = await runCheckWith([name, '--format', 'ndjson', ...args], io, { createEvaluator });
  const results = io.stdout.text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CheckResult);
  return { code, results, stderr: io.stderr.text };
}

describe('JSON arrays: one broken element never hides the others', () => {
  it('reports all three elements of the issue #9 repro', async () => {
    const text = '[{"id":"A","x":"b},\n{"id":"B","city":"shenyang","kind":"community"},\n{"id":"C","city":"shenyang","kind":"community"}]\n';
    const { code, results } = await check('a.json', text);
    expect(results).toHaveLength(3);
    expect(results.map((r) => ['index' in r ? r.index : undefined, r.recordId])).toEqual([
      [0, null],
      [1, 'B'],
      [2, 'C'],
    ]);
    expect(code).toBe(2);
  });

  it('gives 199,990 records and 10 undelimited elements for a 200k array with 10 cut elements', () => {
    const cut = new Set([3, 152, 20_000, 50_001, 77_777, 100_000, 123_456, 150_000, 180_000, 199_998]);
    const parts: string[] = [];
    for (let i = 0; i < 200_000; i += 1) {
      const text = `{"id":"R-${i}","city":"shenyang","kind":"community","facts":{"households":${i % 5000}}}`;
      parts.push(cut.has(i) ? text.slice(0, 30 + (i % 20)) : text);
    }
    const bytes = Buffer.from(`[\n${parts.join(',\n')}\n]\n`);
    const reader = new JsonArrayReader('big.json', { maxElementBytes: 1 << 20 });
    let records = 0;
    let invalid = 0;
    const misplaced: number[] = [];
    const count = (items: ReturnType<JsonArrayReader['push']>): void => {
      for (const item of items) {
        if (item.type === 'record') {
          records += 1;
          if ((item.value as { id: string }).id !== `R-${item.index}`) misplaced.push(item.index as number);
        } else invalid += 1;
      }
    };
    for (let at = 0; at < bytes.length; at += 65_536) count(reader.push(bytes.subarray(at, at + 65_536)));
    count(reader.end());
    expect({ records, invalid, undelimited: reader.undelimited, misplaced }).toEqual({ records: 199_990, invalid: 10, undelimited: 10, misplaced: [] });
  });

  it('counts undelimited elements in the summary', async () => {
    const path = 'summary.json';
    await writeFile(join(dir, path), '[{"id":"A","x":"b},\n{"id":"B","city":"shenyang","kind":"community"}]');
    const io = testIO({ cwd: dir });
    await runCheckWith([path, '--format', 'json'], io, { createEvaluator });
    const report = JSON.parse(io.stdout.text) as { summary: { records: number; invalid: number; undelimited: number } };
    expect(report.summary).toMatchObject({ records: 2, invalid: 1, undelimited: 1 });
  });
});

describe('gzip like zcat', () => {
  it('keeps every record when garbage follows the gzip data, and reports the garbage after them', async () => {
    const { code, results, stderr } = await check('r.gz', Buffer.concat([gzipSync(fixture), Buffer.from('GARBAGE')]));
    expect(results.filter((r) => !('fileError' in r))).toHaveLength(fixtureRecords);
    expect(results[results.length - 1]).toMatchObject({ fileError: true, errors: [{ message: expect.stringMatching(/trailing garbage/) }] });
    expect(stderr).toMatch(/trailing garbage after the gzip data ignored \(7 bytes\)/);
    expect(code).toBe(2);
  });

  it('says one byte of garbage in the singular, and in Chinese too', async () => {
    const { results, stderr } = await check('r1.gz', Buffer.concat([gzipSync(fixture), Buffer.from('G')]));
    expect(stderr).toMatch(/trailing garbage after the gzip data ignored \(1 byte\)/);
    expect(results[results.length - 1]).toMatchObject({ fileError: true, errors: [{ zh: 'r1.gz：gzip 数据之后的多余内容已忽略（1 字节）' }] });
  });

  it('reads every member of a multi-member file', async () => {
    const lines = fixture.toString('utf8').split('\n');
    const half = Math.floor(lines.length / 2);
    const members = Buffer.concat([gzipSync(`${lines.slice(0, half).join('\n')}\n`), gzipSync(lines.slice(half).join('\n'))]);
    const { results } = await check('members.gz', members);
    expect(results).toHaveLength(fixtureRecords);
    expect(results.every((r) => !('fileError' in r))).toBe(true);
  });

  it('keeps the records before a cut and says the data is cut off', async () => {
    const gz = gzipSync(fixture);
    const { results } = await check('cut.gz', gz.subarray(0, Math.floor(gz.length * 0.8)));
    expect(results.length).toBeGreaterThan(10);
    expect(results[results.length - 1]).toMatchObject({ fileError: true, errors: [{ message: expect.stringMatching(/cut off/) }] });
  });

  it('stops a decompression bomb with a clear error', async () => {
    const member = gzipSync(Buffer.alloc(1 << 20));
    const bomb = Buffer.concat(Array.from({ length: 40 }, () => member));
    const { code, results, stderr } = await check('bomb.gz', bomb);
    expect(stderr).toMatch(/decompression bomb.*--max-gzip-ratio/);
    expect(results[results.length - 1]).toMatchObject({ fileError: true });
    expect(code).toBe(2);
  });

  it('lets --max-gzip-ratio 0 turn the guard off', async () => {
    const member = gzipSync(Buffer.alloc(1 << 20, 0x20));
    const spaces = Buffer.concat([...Array.from({ length: 20 }, () => member), gzipSync('{"id":"Z","city":"dalian","kind":"grid"}\n')]);
    const { results } = await check('spaces.gz', spaces, ['--max-gzip-ratio', '0']);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ recordId: 'Z' });
  });
});

describe('lines', () => {
  it('reports a line over --max-line-bytes as invalid and reads the rest', async () => {
    const long = `{"id":"L","pad":"${'x'.repeat(5000)}"}`;
    const { results } = await check('long.ndjson', `{"id":"A"}\n${long}\n{"id":"B"}\n`, ['--max-line-bytes', '4K']);
    expect(results.map((r) => [r.line, r.recordId])).toEqual([
      [1, 'A'],
      [2, null],
      [3, 'B'],
    ]);
    expect((results[1] as { errors?: { message: string }[] }).errors?.[0]?.message).toMatch(/longer than 4096 bytes \(--max-line-bytes\)/);
  });

  it('splits a file with CR-only line ends into its records', async () => {
    const { results } = await check('mac.ndjson', '{"id":"A"}\r{"id":"B"}\r\r{"id":"C"}\r');
    expect(results.map((r) => [r.line, r.recordId])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [4, 'C'],
    ]);
  });

  it('refuses UTF-16 input once, with a hint at the encoding', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id":"A"}\n{"id":"B"}\n', 'utf16le')]);
    const { code, results, stderr } = await check('utf16.ndjson', utf16);
    expect(results).toHaveLength(1);
    expect(stderr).toMatch(/looks like UTF-16LE.*iconv -f UTF-16LE -t UTF-8/);
    expect(code).toBe(2);
  });

  it('refuses UTF-16 without a BOM too', async () => {
    const { stderr } = await check('utf16be.ndjson', Buffer.from('{"id":"A"}\n', 'utf16le').swap16());
    expect(stderr).toMatch(/UTF-16BE/);
  });
});
