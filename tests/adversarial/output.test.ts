/**
 * Hostile records against what `check` prints (issue #9, faults 6–8 and 10): terminal escapes in
 * the table, formulas in CSV, amplification of errors, and values JSON cannot produce given to
 * validateRecord by a library caller.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvFormatter } from '../../src/cli/check/formats/csv.js';
import { createTableFormatter } from '../../src/cli/check/formats/table.js';
import { runCheckWith } from '../../src/cli/check/run.js';
import { format, parseCsv, testIO } from '../../src/cli/check/testing.js';
import type { CheckResult } from '../../src/cli/check/result.js';
import { createEvaluator } from '../../src/evaluate.js';
import { MAX_ERRORS_PER_RECORD, validateRecord } from '../../src/schema/validateRecord.js';

async function checkText(text: string, args: string[]): Promise<string> {
  const io = testIO({ stdin: text });
  await runCheckWith(['-', ...args], io, { createEvaluator });
  return io.stdout.text;
}

describe('terminal output', () => {
  it('prints a CR, an escape sequence or a line end in an id as visible text', async () => {
    const records = [
      { id: 'SY-1\r\x1b[2KExit code 0', city: 'shenyang', kind: 'community', facts: { households: -1 } },
      { id: 'SY-2\nExit code 0', city: 'shenyang', kind: 'community', facts: { households: -1 } },
    ];
    const table = await checkText(records.map((r) => JSON.stringify(r)).join('\n'), ['--format', 'table']);
    expect(table).not.toMatch(/[\r\x1b]/);
    expect(table).not.toMatch(/^Exit code 0/m);
    expect(table).toContain('SY-1\\u000d\\u001b[2KExit code 0');
  });

  it('prints a CR or an escape sequence in a file name or a submitted key as visible text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shequ-terminal-'));
    try {
      const name = 'batch\r\x1b[2KExit code 0.ndjson';
      const records = [
        { id: 'SY-1', city: 'shenyang', kind: 'community', facts: { households: 5000, serviceFacilityAreaSqm: 1 } },
        { id: 'SY-2', city: 'shenyang', kind: 'community', 'key\x1b[31m\r': 1 },
      ];
      await writeFile(join(dir, name), records.map((r) => JSON.stringify(r)).join('\n'));
      await writeFile(join(dir, 'other.ndjson'), JSON.stringify(records[0]));
      const io = testIO({ cwd: dir });
      await runCheckWith([name, 'other.ndjson', '--format', 'table'], io, { createEvaluator });
      const table = io.stdout.text;
      expect(table).not.toMatch(/[\r\x1b]/);
      expect(table).toContain('batch\\u000d\\u001b[2KExit code 0.ndjson:1');
      expect(table).toContain('key\\u001b[31m\\u000d: unknown key');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('escapes control characters in a failing record of the table too', async () => {
    const result: CheckResult = { line: 1, recordId: 'A\x07\x1b]0;x', city: 'dalian', kind: 'grid', valid: true, findings: [] };
    const text = await format(createTableFormatter, [result]);
    expect(text).not.toMatch(/[\x07\x1b]/);
  });
});

describe('CSV', () => {
  it('neutralises a formula in message_zh that starts with a submitted key', async () => {
    const record = { '=HYPERLINK("http://x","y")': 1, id: 'SY-1', city: 'shenyang', kind: 'community' };
    const rows = parseCsv((await checkText(JSON.stringify(record), ['--format', 'csv'])).replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const message = rows[1]?.[header.indexOf('message_zh')] ?? '';
    expect(message).toMatch(/^'/);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('leaves negative numbers as numbers', async () => {
    const result: CheckResult = { line: 1, recordId: '-12', city: 'dalian', kind: 'grid', valid: true, findings: [] };
    const rows = parseCsv((await format(createCsvFormatter, [result])).replace(/^\uFEFF/, ''));
    expect(rows[1]?.[2]).toBe('-12');
  });
});

describe('amplification', () => {
  it(`lists at most ${MAX_ERRORS_PER_RECORD} errors a record, then how many more`, () => {
    const facts = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    const result = validateRecord({ id: 'X', city: 'dalian', kind: 'grid', facts });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ERRORS_PER_RECORD + 1);
    expect(result.errors[MAX_ERRORS_PER_RECORD]?.message).toBe('and 199,900 more errors (the first 100 are listed)');
  });

  it('says one error past the cap in the singular', () => {
    const facts = Object.fromEntries(Array.from({ length: MAX_ERRORS_PER_RECORD + 1 }, (_, i) => [`k${i}`, i]));
    const result = validateRecord({ id: 'X', city: 'dalian', kind: 'grid', facts });
    if (result.ok) throw new Error('expected an invalid record');
    expect(result.errors[MAX_ERRORS_PER_RECORD]).toMatchObject({
      message: `and 1 more error (the first ${MAX_ERRORS_PER_RECORD} are listed)`,
      zh: `另有 1 处错误（仅列出前 ${MAX_ERRORS_PER_RECORD} 处）。`,
    });
  });

  it('quotes a huge key name cut short', () => {
    const key = 'k'.repeat(1_000_000);
    const result = validateRecord({ id: 'X', city: 'dalian', kind: 'grid', facts: { [key]: 1 } });
    if (result.ok) throw new Error('expected invalid');
    expect(JSON.stringify(result.errors).length).toBeLessThan(2_000);
  });

  it('keeps the report of a hostile batch within a small multiple of its size', async () => {
    const facts = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknownKey${i}`, 0]));
    const input = JSON.stringify({ id: 'X', city: 'shenyang', kind: 'community', facts });
    const report = await checkText(input, ['--format', 'ndjson']);
    expect(report.length).toBeLessThan(input.length * 20);
  });
});

describe('validateRecord is total', () => {
  it('answers for a value whose getter throws an Error with a throwing message getter', () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw hostile;
      },
    });
    const record = Object.defineProperty({ id: 'X', city: 'dalian', kind: 'grid' }, 'facts', {
      enumerable: true,
      get() {
        throw hostile;
      },
    });
    const result = validateRecord(record);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'unreadable' }] });
  });

  it('refuses a sparse array of length 1e8 + 1 without walking it', () => {
    const stations = new Array(1e8 + 1);
    stations[0] = { areaSqm: 10 };
    const result = validateRecord({ id: 'X', city: 'shenyang', kind: 'community', facts: { partyServiceStations: stations } });
    expect(result).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringMatching(/facts.partyServiceStations is a sparse array/) }] });
  });
});
