import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBatch } from './batch.js';
import { fileErrorZh, fileErrorZhAmong } from './fileErrorZh.js';
import { readInputs, type InputSource } from './input.js';
import { collect, fakeEvaluator } from './testing.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-file-error-zh-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Buffer): Promise<InputSource> {
  await writeFile(join(dir, name), content);
  return { name, path: join(dir, name) };
}

/** What is left of a zh message once the file name and the words kept as they are go: no English. */
function englishIn(zh: string, file: string): string[] {
  const kept = zh
    .split(file)
    .join('')
    .replace(/\((?:[A-Z_]+)\)|（[A-Z_]+）/g, '')
    .replace(/iconv -f UTF-16[LB]E -t UTF-8 FILE > FILE\.utf8\.ndjson/g, '')
    .replace(/--max-gzip-ratio|gzip|UTF-16[LB]E|UTF-8|CRC/g, '');
  return kept.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("an unreadable file's message in Chinese", () => {
  const sources = async (): Promise<InputSource[]> => {
    const gz = gzipSync(`{"id":"A"}\n{"id":"B"}\n${'x'.repeat(1000)}`);
    const badCrc = Buffer.from(gzipSync('{"id":"A"}\n'));
    badCrc.writeUInt8(badCrc.readUInt8(badCrc.length - 8) ^ 0xff, badCrc.length - 8);
    const corrupt = Buffer.from(gzipSync('{"id":"A"}\n'.repeat(50)));
    corrupt[10] = 0xff; // the first deflate block: block type 3, which does not exist
    await mkdir(join(dir, 'a-dir'), { recursive: true });
    return [
      { name: 'missing.ndjson', path: join(dir, 'missing.ndjson') },
      { name: 'a-dir', path: join(dir, 'a-dir') },
      await fileWith('cut.gz', gz.subarray(0, gz.length - 30)),
      await fileWith('header-cut.gz', gz.subarray(0, 5)),
      await fileWith('trailer-cut.gz', gz.subarray(0, gz.length - 4)),
      await fileWith('crc.gz', badCrc),
      await fileWith('garbage.gz', Buffer.concat([gzipSync('{"id":"A"}\n'), Buffer.from('not gzip at all')])),
      await fileWith('utf16.ndjson', Buffer.from('\uFEFF{"id":"A"}\n', 'utf16le')),
      await fileWith('corrupt.gz', corrupt),
      await fileWith('bomb.gz', gzipSync(Buffer.alloc(17 * 1024 * 1024))),
    ];
  };

  it("words every message the reader gives in Chinese, the file's name kept", async () => {
    const items = (await collect(readInputs(await sources(), { stdin: Readable.from([]), maxGzipRatio: 100 }))).filter((item) => item.type === 'unreadable');
    // One or more messages from every file above.
    expect(new Set(items.map((item) => item.file)).size).toBe(10);
    for (const item of items) {
      const zh = fileErrorZh(item.message, item.file);
      expect({ message: item.message, english: englishIn(zh, item.file) }).toEqual({ message: item.message, english: [] });
      expect(zh).toContain(item.file);
      expect(fileErrorZhAmong(item.message, ['other.ndjson', item.file])).toBe(zh);
    }
  });

  it('says where the reading stopped and why', () => {
    expect(fileErrorZh('cannot read missing.ndjson: no such file (ENOENT)', 'missing.ndjson')).toBe('无法读取 missing.ndjson：文件不存在（ENOENT）');
    expect(fileErrorZh('cannot read cut.gz after line 2: gzip data cut off (Z_BUF_ERROR)', 'cut.gz')).toBe('无法读取 cut.gz（第 2 行之后）：gzip 数据被截断（Z_BUF_ERROR）');
    expect(fileErrorZh('g.gz: trailing garbage after the gzip data ignored (15 bytes)', 'g.gz')).toBe('g.gz：gzip 数据之后的多余内容已忽略（15 字节）');
  });

  it("is the zh of an unreadable file's result (it said 无法读取文件：cannot read …)", async () => {
    const [missing] = await sources();
    const results = await collect(checkBatch(readInputs([missing!], { stdin: Readable.from([]) }), fakeEvaluator(), { multiFile: false }));
    expect(results[0]).toMatchObject({ fileError: true, errors: [{ code: 'unreadable', zh: '无法读取 missing.ndjson：文件不存在（ENOENT）' }] });
  });
});
