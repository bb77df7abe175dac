import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from './utf8Chunks.js';

describe('Utf8Chunks', () => {
  it('gives the bytes of Buffer.from(text) for the whole text, in chunks no larger than asked', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '社', '\n', '😀', '\ud800', '\udc00'), fc.string({ unit: 'binary', maxLength: 3 })) });
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.record({ line: text }), fc.uint8Array({ maxLength: 40 })), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (parts, chunkBytes) => {
        // Arrange
        const chunks = new Utf8Chunks(chunkBytes);
        const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : 'line' in p ? Buffer.from(`${p.line}\n`) : p)));
        // Act
        const out: Uint8Array[] = [];
        for (const part of parts) {
          if (typeof part === 'string') chunks.append(part);
          else if ('line' in part) chunks.appendLine(part.line);
          else chunks.appendBytes(part);
          out.push(...chunks.takeFull());
        }
        out.push(...chunks.takeAll());
        // Assert
        expect(Buffer.concat(out).equals(expected)).toBe(true);
        expect(chunks.size).toBe(0);
        for (const chunk of out) {
          expect(chunk.length).toBeGreaterThan(0);
          if (!parts.some((p) => p === chunk)) expect(chunk.length).toBeLessThanOrEqual(Math.max(chunkBytes, 16));
        }
      }),
      { numRuns: 300 },
    );
  });
});
