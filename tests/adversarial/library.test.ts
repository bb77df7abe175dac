/**
 * The library against hostile callers (issue #9, faults 3, 9 and 12): huge valid lists, parameter
 * names from Object.prototype and out-of-range values, years 0–99, huge quantities, the options
 * cache, the calendar of records without asOf, a directory on standard input.
 */
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCalendarDate, parseCheckArgs } from '../../src/cli/check/args.js';
import { runCheckWith } from '../../src/cli/check/run.js';
import { fakeEvaluator, testIO } from '../../src/cli/check/testing.js';
import { createEvaluator, evaluate } from '../../src/evaluate.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('valid records of any size', () => {
  it('evaluates a community with 150,000 party service stations (no spread of the list)', async () => {
    const stations = Array.from({ length: 150_000 }, (_, i) => ({ areaSqm: 20 + (i % 50) }));
    const result = await evaluate({ id: 'SY-1', city: 'shenyang', kind: 'community', asOf: '2024-03-01', facts: { partyServiceStations: stations } });
    expect(result.valid).toBe(true);
  });

  it('words a quantity above 1.8e306 as the number, not Infinity', async () => {
    const result = await evaluate({ id: 'GY-1', city: 'guiyang', kind: 'community', asOf: '2024-03-01', facts: { serviceFacilityAreaSqm: 1e307 } });
    const texts = JSON.stringify(result.findings.map((f) => f.message));
    expect(texts).not.toMatch(/Infinity/);
  });
});

describe('parameters', () => {
  it('refuses names that live on Object.prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const parameters = JSON.parse(`{"shenyang.12.1.grid-size": {"${name}": 0.1}}`) as Record<string, Record<string, number>>;
      expect(() => createEvaluator({ parameters } as never)).toThrow(`has no parameter '${name}'`);
    }
  });

  it('refuses values outside the range the rule file declares', () => {
    expect(() => createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { tolerance: -1 } } })).toThrow(/must be from 0 to 0.5 \(got -1\)/);
    expect(() => createEvaluator({ parameters: { 'shenyang.9.1.facility-sync': { toleranceDays: 1e8 } } } as never)).toThrow(/must be from 0 to 365/);
  });
});

describe('dates', () => {
  it('accepts --as-of in the years 0 to 99', () => {
    expect(isCalendarDate('0000-01-01')).toBe(true);
    expect(isCalendarDate('0099-12-31')).toBe(true);
    expect(isCalendarDate('0004-02-29')).toBe(true);
    expect(isCalendarDate('0001-02-29')).toBe(false);
    expect(parseCheckArgs(['--as-of', '0050-06-15']).asOf).toBe('0050-06-15');
  });

  it("takes today's date in Asia/Shanghai for a record without asOf", async () => {
    // 2023-06-30 16:30 UTC is 2023-07-01 00:30 in Beijing, the day Tonghua's law comes into force.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-06-30T16:30:00Z'));
    const record = { id: 'TH-1', city: 'tonghua', kind: 'grid', facts: {} } as const;
    const shanghai = await createEvaluator().evaluate(record);
    expect(shanghai.findings.some((f) => f.status === 'not-applicable' && f.reason === 'not-in-force')).toBe(false);
    const utc = await createEvaluator({ timeZone: 'UTC' }).evaluate(record);
    expect(utc.findings.every((f) => f.status === 'not-applicable' && f.reason === 'not-in-force')).toBe(true);
  });

  it('refuses an unknown time zone', () => {
    expect(() => createEvaluator({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe('the options cache', () => {
  it('validates the options of every call, whatever was called before', async () => {
    const record = { id: 'SY-1', city: 'shenyang', kind: 'community', facts: {} };
    await evaluate(record, { asOf: undefined });
    const bogus = { bogus: () => 1 } as never;
    await expect(evaluate(record, bogus)).rejects.toThrow(/invalid evaluate options/);
  });
});

describe('standard input', () => {
  it('reports a directory on standard input as unreadable, not as an empty batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shequ-stdin-dir-'));
    const fd = openSync(dir, 'r');
    try {
      const stdin = Object.assign(new PassThrough(), { fd });
      stdin.end();
      const io = { ...testIO(), stdin };
      const code = await runCheckWith(['-'], io, { createEvaluator: () => fakeEvaluator() });
      expect(code).toBe(2);
      expect(io.stderr.text).toMatch(/cannot read <stdin>: is a directory/);
    } finally {
      closeSync(fd);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
