import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, STDIN_NAME, type InputItem, type InputSource } from './input.js';
import { JsonArrayReader } from './read/jsonArrayReader.js';
import { NdjsonReader } from './read/ndjsonReader.js';
import { collect } from './testing.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Buffer): Promise<InputSource> {
  const path = join(dir, name);
  await writeFile(path, content);
  return { name, path };
}

function read(sources: InputSource[], stdin: Readable = Readable.from([])): Promise<InputItem[]> {
  return collect(readInputs(sources, { stdin }));
}

/** The items of a JSON array text read in one chunk. */
function splitJsonArray(text: string, file: string): InputItem[] {
  const reader = new JsonArrayReader(file, { maxElementBytes: 1 << 20 });
  return [...reader.push(Buffer.from(text)), ...reader.end()];
}

const a = '{"id":"A"}';
const b = '{"id":"B"}';

describe('readInputs, NDJSON', () => {
  it('yields one record per line with its 1-based line number', async () => {
    const items = await read([await fileWith('two.ndjson', `${a}\n${b}\n`)]);
    expect(items).toEqual([
      { type: 'record', file: 'two.ndjson', line: 1, value: { id: 'A' } },
      { type: 'record', file: 'two.ndjson', line: 2, value: { id: 'B' } },
    ]);
  });

  it('skips blank and whitespace-only lines but keeps counting physical lines', async () => {
    const items = await read([await fileWith('blank.ndjson', `\n${a}\n   \n\t\n${b}\n\n`)]);
    expect(items.map((i) => i.type === 'record' && i.line)).toEqual([2, 5]);
  });

  it('accepts CRLF line ends and a UTF-8 BOM', async () => {
    const items = await read([await fileWith('crlf.ndjson', `\uFEFF${a}\r\n${b}\r\n`)]);
    expect(items).toEqual([
      { type: 'record', file: 'crlf.ndjson', line: 1, value: { id: 'A' } },
      { type: 'record', file: 'crlf.ndjson', line: 2, value: { id: 'B' } },
    ]);
  });

  it('reads a last line without a line end', async () => {
    const items = await read([await fileWith('noeol.ndjson', `${a}\n${b}`)]);
    expect(items).toHaveLength(2);
  });

  it('reports a broken line in the middle with the parser message and goes on', async () => {
    const items = await read([await fileWith('broken.ndjson', `${a}\n{"id": "X",\n${b}\n`)]);
    expect(items[1]).toMatchObject({ type: 'unparsable', line: 2 });
    expect((items[1] as { message: string }).message).toMatch(/^not valid JSON: /);
    expect(items[2]).toMatchObject({ type: 'record', line: 3, value: { id: 'B' } });
  });

  it('reports a truncated last line as not valid JSON, cut off', async () => {
    const items = await read([await fileWith('cut.ndjson', `${a}\n{"id":"B","facts":{"househ`)]);
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ type: 'unparsable', line: 2 });
    expect((items[1] as { message: string }).message).toMatch(/not valid JSON: .*cut off/);
  });

  it('says a pretty-printed object is one, at its opening line, and still reports every line', async () => {
    const items = await read([await fileWith('pretty.json', '{\n  "id": "A",\n  "city": "guiyang"\n}\n')]);
    expect(items.map((item) => item.type)).toEqual(['unparsable', 'unparsable', 'unparsable', 'unparsable']);
    expect((items[0] as { message: string }).message).toMatch(/^not valid JSON: .*a pretty-printed JSON object\? .*jq -c/);
    expect((items[3] as { message: string }).message).not.toMatch(/pretty-printed/);
  });

  it('says a CSV file is one at its header line; other lines with commas get no such hint', async () => {
    const items = await read([await fileWith('records.csv', 'id,city,"kind"\nA,guiyang,grid\n{"id":"B",}\n')]);
    const messages = items.map((item) => (item as { message: string }).message);
    expect(messages[0]).toMatch(/^not valid JSON: .*\(this looks like a CSV header: records are JSON objects/);
    expect(messages.slice(1).join('\n')).not.toMatch(/CSV/);
  });

  it('decodes Chinese split across chunk boundaries', async () => {
    const bytes = Buffer.from(`{"id":"社区-一"}\n`);
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const items = await read([{ name: STDIN_NAME, path: null }], Readable.from(chunks));
    expect(items).toEqual([{ type: 'record', file: STDIN_NAME, line: 1, value: { id: '社区-一' } }]);
  });

  it('reads standard input', async () => {
    const stdin = new PassThrough();
    stdin.end(`${a}\n\n${b}\n`);
    const items = await read([{ name: STDIN_NAME, path: null }], stdin);
    expect(items.map((i) => i.type === 'record' && [i.file, i.line])).toEqual([
      [STDIN_NAME, 1],
      [STDIN_NAME, 3],
    ]);
  });

  it('yields nothing for an empty or blank file', async () => {
    expect(await read([await fileWith('empty.ndjson', '')])).toEqual([]);
    expect(await read([await fileWith('blank-only.ndjson', '\n \r\n')])).toEqual([]);
  });
});

describe('readInputs, gzip', () => {
  it('gunzips a file by its magic bytes, whatever its name', async () => {
    const items = await read([await fileWith('records.ndjson', gzipSync(`${a}\n${b}\n`))]);
    expect(items.map((i) => i.type === 'record' && i.value)).toEqual([{ id: 'A' }, { id: 'B' }]);
  });

  it('gunzips standard input', async () => {
    const gz = gzipSync(`${a}\n`);
    const items = await read([{ name: STDIN_NAME, path: null }], Readable.from([gz.subarray(0, 1), gz.subarray(1)]));
    expect(items).toEqual([{ type: 'record', file: STDIN_NAME, line: 1, value: { id: 'A' } }]);
  });

  it('reports corrupt deflate data as unreadable instead of waiting for ever (zlib calls no write callback then)', { timeout: 5000 }, async () => {
    const gz = Buffer.from(gzipSync(`${a}\n`.repeat(50)));
    gz[10] = 0xff; // the first deflate block's header: block type 3, which does not exist
    const items = await read([await fileWith('corrupt.gz', gz), await fileWith('after.ndjson', `${b}\n`)]);
    expect(items).toEqual([
      { type: 'unreadable', file: 'corrupt.gz', message: 'cannot read corrupt.gz: corrupt gzip data (Z_DATA_ERROR)' },
      { type: 'record', file: 'after.ndjson', line: 1, value: { id: 'B' } },
    ]);
  });

  it('reports a corrupt gzip file as unreadable after the lines it could read', async () => {
    const gz = gzipSync(`${a}\n${b}\n${'x'.repeat(1000)}`);
    const items = await read([await fileWith('cut.gz', gz.subarray(0, gz.length - 30))]);
    const last = items[items.length - 1];
    expect(last).toMatchObject({ type: 'unreadable', file: 'cut.gz' });
  });
});

describe('readInputs, JSON array', () => {
  it('gives each element its index and the line where it starts', async () => {
    const text = `[\n  ${a},\n  {\n    "id": "B"\n  }\n]\n`;
    const items = await read([await fileWith('array.json', text)]);
    expect(items).toEqual([
      { type: 'record', file: 'array.json', line: 2, index: 0, value: { id: 'A' } },
      { type: 'record', file: 'array.json', line: 3, index: 1, value: { id: 'B' } },
    ]);
  });

  it('detects the array after a BOM and blank lines', async () => {
    const items = await read([await fileWith('bom.json', `\uFEFF\r\n\r\n[${a}]`)]);
    expect(items).toEqual([{ type: 'record', file: 'bom.json', line: 3, index: 0, value: { id: 'A' } }]);
  });

  it('reports one broken element and keeps the others', async () => {
    const items = [...splitJsonArray(`[${a},\n{"id": tru},\n${b}]`, 'f')];
    expect(items.map((i) => i.type)).toEqual(['record', 'unparsable', 'record']);
    expect(items[1]).toMatchObject({ line: 2, index: 1 });
  });

  it('keeps brackets and commas inside strings', async () => {
    const items = [...splitJsonArray('[{"id":"a,]}[\\"x"},{"id":"b"}]', 'f')];
    expect(items.map((i) => i.type === 'record' && i.value)).toEqual([{ id: 'a,]}["x' }, { id: 'b' }]);
  });

  it('reports an array cut off before its closing bracket, keeping the whole elements', async () => {
    const items = [...splitJsonArray(`[${a},\n${b}`, 'f')];
    expect(items[0]).toMatchObject({ type: 'record', index: 0 });
    expect(items[1]).toMatchObject({ type: 'record', index: 1, line: 2 });
    expect(items[2]).toMatchObject({ type: 'unparsable', line: 2, message: expect.stringMatching(/cut off/) });
  });

  it('reports an element cut off by the end of the input with its index', async () => {
    const items = [...splitJsonArray(`[${a},\n{"id":"B","fa`, 'f')];
    expect(items[1]).toMatchObject({ type: 'unparsable', index: 1, line: 2 });
  });

  it('yields nothing for an empty array', async () => {
    expect([...splitJsonArray('[ \n ]', 'f')]).toEqual([]);
  });
});

describe('readInputs, several files and unreadable ones', () => {
  it('reads files in order and reports a missing file, a directory and goes on', async () => {
    const first = await fileWith('first.ndjson', `${a}\n`);
    const last = await fileWith('last.ndjson', `${b}\n`);
    await mkdir(join(dir, 'a-dir'), { recursive: true });
    const items = await read([
      first,
      { name: 'missing.ndjson', path: join(dir, 'missing.ndjson') },
      { name: 'a-dir', path: join(dir, 'a-dir') },
      last,
    ]);
    expect(items.map((i) => [i.type, i.file])).toEqual([
      ['record', 'first.ndjson'],
      ['unreadable', 'missing.ndjson'],
      ['unreadable', 'a-dir'],
      ['record', 'last.ndjson'],
    ]);
    expect((items[1] as { message: string }).message).toMatch(/cannot read missing.ndjson: no such file/);
    expect((items[2] as { message: string }).message).toMatch(/is a directory/);
  });

  it('reads a file of many reads (plain and gzip) as standard input gives the same bytes, counting every byte', async () => {
    // Arrange: ~300 kB, several of the reader's 64 kB reads, with lines and Chinese cut between reads.
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `R-${i}`, note: '社区'.repeat(i % 40) }));
    lines[1234] = '{"id": broken';
    const text = `${lines.join('\n')}\n`;
    for (const [name, content] of [['many.ndjson', Buffer.from(text)], ['many.ndjson.gz', gzipSync(text)]] as const) {
      const source = await fileWith(name, content);
      const state = { bytesRead: 0, totalBytes: null };
      // Act
      const fromFile = await collect(readInputs([source], { stdin: Readable.from([]), state }));
      const fromStdin = await read([{ name: STDIN_NAME, path: null }], Readable.from([content]));
      // Assert
      expect(fromFile.map((item) => ({ ...item, file: STDIN_NAME }))).toEqual(fromStdin);
      expect(fromFile).toHaveLength(3000);
      expect(fromFile[1234]).toMatchObject({ type: 'unparsable', line: 1235 });
      expect(state.bytesRead).toBe(content.length);
    }
  });

  it.runIf(process.platform === 'linux')('stops reading a file once aborted, reports nothing for it and closes it', async () => {
    // Arrange
    const source = await fileWith('aborted.ndjson', `${a}\n`.repeat(50_000));
    const openFiles = async (): Promise<number> => (await readdir('/proc/self/fd')).length;
    const before = await openFiles();
    const controller = new AbortController();
    const items: InputItem[] = [];
    // Act
    for await (const item of readInputs([source, source], { stdin: Readable.from([]), signal: controller.signal })) {
      items.push(item);
      if (items.length === 10) controller.abort();
    }
    // Assert
    expect(items.length).toBeLessThan(50_000);
    expect(items.every((item) => item.type === 'record')).toBe(true);
    expect(await openFiles()).toBe(before);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', async () => {
    const source = await fileWith('secret.ndjson', `${a}\n`);
    await chmod(source.path as string, 0o000);
    const items = await read([source]);
    expect(items[0]).toMatchObject({ type: 'unreadable', message: expect.stringMatching(/permission denied/) });
  });
});

describe('NdjsonReader', () => {
  it('gives the same items however the bytes are cut into chunks', () => {
    const line = fc.constantFrom(a, b, '', '  ', '{"id":"社区"}', 'oops', '{"id":"C"}\r');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 6 }), (lines, cuts) => {
        const bytes = Buffer.from(lines.join('\n'));
        const whole = new NdjsonReader('f', { maxLineBytes: 1 << 20 });
        const expected = [...whole.push(bytes), ...whole.end()];
        const chunked = new NdjsonReader('f', { maxLineBytes: 1 << 20 });
        const actual = [];
        let start = 0;
        for (const cut of [...cuts].sort((x, y) => x - y)) {
          const end = Math.min(cut, bytes.length);
          if (end < start) continue;
          actual.push(...chunked.push(bytes.subarray(start, end)));
          start = end;
        }
        actual.push(...chunked.push(bytes.subarray(start)), ...chunked.end());
        expect(actual).toEqual(expected);
        expect(actual).toHaveLength(lines.filter((l) => l.trim() !== '').length);
      }),
    );
  });
});
