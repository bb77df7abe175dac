import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../result.js';
import type { CheckSummary } from '../summary.js';
import { format, sampleResults } from '../testing.js';
import { createJsonFormatter } from './json.js';

describe('json formatter', () => {
  it('writes one document with every result and the summary', async () => {
    // Arrange
    const results = sampleResults();
    // Act
    const text = await format(createJsonFormatter, results);
    // Assert
    const doc = JSON.parse(text) as { results: CheckResult[]; summary: CheckSummary };
    expect(doc.results).toEqual(results);
    expect(doc.summary).toMatchObject({ records: 6, valid: 3, invalid: 2, skipped: 1, exitCode: 2 });
    expect(doc.summary.unreadableFiles).toHaveLength(1);
  });

  it('writes a valid document for no results', async () => {
    const doc = JSON.parse(await format(createJsonFormatter, [])) as { results: unknown[]; summary: CheckSummary };
    expect(doc.results).toEqual([]);
    expect(doc.summary.exitCode).toBe(0);
  });
});
