import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputItem, LinesItem } from '../input.js';
import { itemsOfLines } from '../renderBatch.js';
import { BatchBuffers, batchTexts, TEXT_PIECE_BYTES, type LineBatch } from './lineBatch.js';
import { NdjsonReader } from './ndjsonReader.js';

/** Bytes that stress the splitter and the decoder: line ends, blanks, broken UTF-8, Chinese. */
const piece = fc.oneof(
  fc.constantFrom('{"id":"A"}', '{"id":"社区"}', 'oops', '  ', '\t', '', '{"a":"\\u2028"}'),
  fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\r'),
  fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('\xe4\xb8', '\xff', '\xc3', '\xe4\xb8\xad', '\xf0\x9f\x98'),
);

const bytesOf = (pieces: string[]): Buffer => Buffer.from(pieces.join(''), 'latin1');

/** Input bytes (as pieces), where reads cut them, and a batch's line and byte limits. */
const batchCase = [
  fc.array(piece, { maxLength: 40 }),
  fc.array(fc.nat(300), { maxLength: 6 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 80 }),
] as const;

/** [from, to) ranges of `length` bytes cut at `cuts` (any order, some past the end), in order. */
function cutRanges(length: number, cuts: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const cut of [...cuts].sort((x, y) => x - y)) {
    const end = Math.min(cut, length);
    if (end < start) continue;
    out.push([start, end]);
    start = end;
  }
  out.push([start, length]);
  return out;
}

/**
 * Everything a reader gives for `bytes` pushed in pieces cut at `cuts`. Each piece is pushed from
 * one scratch buffer, overwritten after the push: a reader must not read a chunk after the push
 * that gave it (the caller may reuse its memory).
 */
function readAll(reader: NdjsonReader, bytes: Buffer, cuts: number[]): Array<InputItem | LinesItem> {
  const out: Array<InputItem | LinesItem> = [];
  const scratch = Buffer.alloc(bytes.length);
  for (const [from, to] of cutRanges(bytes.length, cuts)) {
    bytes.copy(scratch, 0, from, to);
    out.push(...reader.push(scratch.subarray(0, to - from)));
    scratch.fill(0x7b);
  }
  out.push(...reader.end());
  return out;
}

describe('NDJSON line batches', () => {
  it('give, once decoded and parsed, exactly the items of the line-by-line reader, however cut and with chunks reused', () => {
    fc.assert(
      fc.property(
        ...batchCase,
        (pieces, cuts, maxLines, maxBytes) => {
          // Arrange
          const bytes = bytesOf(pieces);
          const options = { maxLineBytes: 40 };
          // Act
          const expected = readAll(new NdjsonReader('f', options), bytes, []);
          const batched = readAll(new NdjsonReader('f', { ...options, batch: { maxLines, maxBytes } }), bytes, cuts);
          const actual = batched.flatMap((item) => (item.type === 'lines' ? [...itemsOfLines(item.batch)] : [item]));
          // Assert
          expect(actual).toEqual(expected);
          for (const item of batched) {
            if (item.type !== 'lines') continue;
            expect(item.batch.lineNumbers.length).toBeGreaterThan(0);
            expect(item.batch.lineNumbers.length).toBeLessThanOrEqual(maxLines);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decode in pieces of whole lines, none over the piece size but a long line alone, that join to the whole decoded', () => {
    fc.assert(
      fc.property(
        // Lines without LF (any other bytes: broken UTF-8, Chinese), each followed by LF in the batch.
        fc.array(fc.array(piece.map((text) => text.replace(/\n/g, '')), { maxLength: 6 }).map(bytesOf), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 24 }),
        (lines, pieceBytes) => {
          // Arrange
          const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
          const batch: LineBatch = { file: 'f', bytes, lineNumbers: Float64Array.from(lines, (_, i) => i + 1), lastWithoutNewline: false };
          // Act
          const pieces = [...batchTexts(batch, pieceBytes)];
          // Assert
          expect(pieces.join('')).toBe(bytes.toString('utf8'));
          let line = 0;
          for (const text of pieces) {
            expect(text.endsWith('\n')).toBe(true);
            // The piece's lines, as bytes before decoding (U+FFFD may stand for several).
            const count = text.split('\n').length - 1;
            const pieceBytesUsed = lines.slice(line, line + count).reduce((sum, l) => sum + l.length + 1, 0);
            if (count > 1) expect(pieceBytesUsed).toBeLessThanOrEqual(pieceBytes);
            line += count;
          }
          expect(line).toBe(lines.length);
          // A piece ends where a line ends: as many pieces as lines at one byte per piece.
          if (pieceBytes === 1) expect(pieces).toHaveLength(lines.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('give the line-by-line reader’s items for a batch decoded in several pieces', () => {
    // Arrange: about three pieces of Chinese and ASCII lines, one of them longer than a piece.
    const records = Array.from({ length: 900 }, (_, i) => JSON.stringify({ id: `R-${i}`, facts: { name: i % 3 === 0 ? '社区服务中心'.repeat(5) : 'x'.repeat(i % 50) } }));
    records[450] = JSON.stringify({ id: 'long', facts: { note: '长'.repeat(TEXT_PIECE_BYTES) } });
    const bytes = Buffer.from(`${records.join('\n')}\n`);
    const options = { maxLineBytes: 4 * TEXT_PIECE_BYTES };
    // Act
    const expected = readAll(new NdjsonReader('f', options), bytes, []);
    const batched = readAll(new NdjsonReader('f', { ...options, batch: { maxLines: 10_000, maxBytes: 8 * TEXT_PIECE_BYTES } }), bytes, [70_000]);
    const batches = batched.flatMap((item) => (item.type === 'lines' ? [item.batch] : []));
    const actual = batches.flatMap((batch) => [...itemsOfLines(batch)]);
    // Assert
    expect(batches.some((batch) => [...batchTexts(batch)].length >= 3)).toBe(true);
    expect(actual).toEqual(expected);
    expect(actual).toHaveLength(900);
  });

  it('hold the lines a plain split on CR, LF and CRLF gives, blank ones skipped but counted', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(300), { maxLength: 6 }), (pieces, cuts) => {
        // Arrange: the model splits the whole text at once.
        const bytes = bytesOf(pieces);
        const lines = bytes.toString('latin1').split(/\r\n|\r|\n/);
        const expected = lines.flatMap((line, i) =>
          line.replace(/[ \t]/g, '') === '' ? [] : [{ line: i + 1, text: Buffer.from(line, 'latin1').toString('utf8') }],
        );
        // Act
        const reader = new NdjsonReader('f', { maxLineBytes: 1 << 20, batch: { maxLines: 3, maxBytes: 50 } });
        const actual = readAll(reader, bytes, cuts).flatMap((item) => {
          if (item.type !== 'lines') return [];
          const texts = Buffer.from(item.batch.bytes).toString('utf8').split('\n').slice(0, -1);
          return texts.map((text, i) => ({ line: item.batch.lineNumbers[i], text }));
        });
        // Assert
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('gathered in the buffers of batches already decoded give the same items, however cut', () => {
    fc.assert(
      fc.property(
        ...batchCase,
        (pieces, cuts, maxLines, maxBytes) => {
          // Arrange
          const bytes = bytesOf(pieces);
          const options = { maxLineBytes: 40 };
          const expected = readAll(new NdjsonReader('f', options), bytes, []);
          const buffers = new BatchBuffers();
          const reader = new NdjsonReader('f', { ...options, batch: { maxLines, maxBytes, buffers } });
          // Act: each batch is decoded as it comes out, then its buffer is given back, as run.ts does.
          const actual: Array<InputItem | LinesItem> = [];
          const decode = (items: Array<InputItem | LinesItem>): void => {
            for (const item of items) {
              if (item.type !== 'lines') {
                actual.push(item);
                continue;
              }
              actual.push(...itemsOfLines(item.batch));
              buffers.give(item.batch.bytes.buffer as ArrayBuffer);
            }
          };
          for (const [from, to] of cutRanges(bytes.length, cuts)) decode(reader.push(bytes.subarray(from, to)));
          decode(reader.end());
          // Assert
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are gathered in a buffer given back, once it is large enough', () => {
    // Arrange: a builder starts its next batch's buffer as it hands one on.
    const buffers = new BatchBuffers();
    const reader = new NdjsonReader('f', { maxLineBytes: 100, batch: { maxLines: 1, maxBytes: 1000, buffers } });
    const lines = (text: string) => {
      const [item] = reader.push(Buffer.from(text));
      if (item?.type !== 'lines') throw new Error('expected a batch');
      return item.batch;
    };
    const first = lines('{"a":1}\n');
    const given = first.bytes.buffer as ArrayBuffer;
    const small = new ArrayBuffer(4);
    buffers.give(small);
    buffers.give(given);
    // Act
    const second = lines('{"b":2}\n');
    const third = lines('{"c":3}\n');
    const fourth = lines('{"d":4}\n');
    // Assert
    expect(second.bytes.buffer).not.toBe(given);
    expect(third.bytes.buffer).toBe(given);
    expect(Buffer.from(third.bytes).toString()).toBe('{"c":3}\n');
    expect(fourth.bytes.buffer).not.toBe(small);
    expect(Buffer.from(fourth.bytes).toString()).toBe('{"d":4}\n');
  });

  it('own their memory, so that they can be transferred to a worker thread', () => {
    const reader = new NdjsonReader('f', { maxLineBytes: 100, batch: { maxLines: 2, maxBytes: 1000 } });
    const items = [...reader.push(Buffer.from('{"a":1}\n{"b":2}\n{"c":3}\n')), ...reader.end()];
    expect(items.map((i) => i.type)).toEqual(['lines', 'lines']);
    for (const item of items) {
      if (item.type !== 'lines') continue;
      const { bytes, lineNumbers } = item.batch;
      expect(bytes.buffer).not.toBe(lineNumbers.buffer);
      // A slice of Node's shared pool would be at least 8 kB and shared with other buffers.
      expect(bytes.buffer.byteLength).toBeLessThan(8 * 1024 * 1024);
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(item.batch, [bytes.buffer as ArrayBuffer, lineNumbers.buffer as ArrayBuffer]);
      expect(bytes.byteLength).toBe(0);
      port1.close();
      port2.close();
    }
  });
});
