import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../types.js';
import { EXAMPLE_RECORDS } from './examples.js';
import { validateRecord } from './validateRecord.js';

// The README's "Records" section shows real records and real output: these tests keep it so.
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const DOC = README.slice(README.indexOf('\n## Records'), README.indexOf('\n## ', README.indexOf('\n## Records') + 1));

/** The bodies of the fenced blocks whose info string is exactly `info`. */
function blocks(info: string): string[] {
  const fence = new RegExp('```' + info + '\\n([\\s\\S]*?)```', 'g');
  return [...DOC.matchAll(fence)].map((match) => match[1] ?? '');
}

describe('README: Records', () => {
  it('shows records that all validate', () => {
    // Arrange
    const records: unknown[] = blocks('json').map((body) => JSON.parse(body));
    // Act
    const failures = records.filter((record) => !validateRecord(record).ok);
    // Assert
    expect(records.length).toBe(1 + RECORD_KINDS.length);
    expect(failures).toEqual([]);
  });

  it('shows, for each kind, the worked example the tests use', () => {
    // Arrange
    const records: unknown[] = blocks('json').map((body) => JSON.parse(body));
    // Act
    const shown = RECORD_KINDS.map((kind) => records.find((record) => JSON.stringify(record) === JSON.stringify(EXAMPLE_RECORDS[kind])));
    // Assert
    expect(shown).toEqual(RECORD_KINDS.map((kind) => EXAMPLE_RECORDS[kind]));
  });

  it('shows the errors validateRecord really gives for the invalid example', () => {
    // Arrange
    const [invalid] = blocks('json invalid');
    const [shown] = blocks('text');
    // Act
    const result = validateRecord(JSON.parse(invalid ?? 'null'));
    const printed = result.ok ? '' : result.errors.map((error) => `${error.path}: ${error.message}\n`).join('');
    // Assert
    expect(printed).toBe(shown);
  });
});
