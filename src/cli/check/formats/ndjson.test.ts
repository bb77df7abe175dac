import { describe, expect, it } from 'vitest';
import { format, sampleResults } from '../testing.js';
import { createNdjsonFormatter } from './ndjson.js';

describe('ndjson formatter', () => {
  it('writes one JSON result per line, in order, and nothing else', async () => {
    // Arrange
    const results = sampleResults();
    // Act
    const text = await format(createNdjsonFormatter, results);
    // Assert
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(results.length);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(results);
  });

  it('writes nothing for no results', async () => {
    expect(await format(createNdjsonFormatter, [])).toBe('');
  });
});
