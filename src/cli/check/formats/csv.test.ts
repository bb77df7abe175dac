import { describe, expect, it } from 'vitest';
import { format, parseCsv, sampleResults } from '../testing.js';
import { createCsvFormatter, csvField, CSV_COLUMNS } from './csv.js';

describe('csv formatter', () => {
  it('starts with a BOM and the header, and ends every row with CRLF', async () => {
    const text = await format(createCsvFormatter, sampleResults());
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per finding and one per record without findings, and parses back', async () => {
    // Arrange
    const results = sampleResults();
    // Act
    const rows = parseCsv((await format(createCsvFormatter, results)).slice(1));
    // Assert
    const [header, ...body] = rows;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(body.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const column = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    expect(body.map((row) => row[column('status')])).toEqual(['fail', 'pass', 'unknown', 'pass', 'not-applicable', 'invalid', 'invalid', 'skipped', 'no-checks', 'unreadable']);
    const fail = body[0] ?? [];
    expect(fail[column('record_id')]).toBe('SY-0001');
    expect(fail[column('check_id')]).toBe('shenyang.10.1.facility-area');
    expect(fail[column('binding')]).toBe('false');
    expect(fail[column('citation')]).toBe('第十条第一款');
    expect(fail[column('expected')]).toBe('620');
    expect(fail[column('actual')]).toBe('610');
    expect(fail[column('message_zh')]).toBe('设施面积不足，"应"为620, 实为610');
    expect(body[5]?.[column('message_zh')]).toBe('not valid JSON: Unexpected token \'x\', "x,y" is not valid JSON');
  });

  it('gives an invalid record its errors in Chinese in message_zh, each after its path', async () => {
    const results = sampleResults();
    const errors = [
      { path: 'facts.households', message: 'expected integer >= 0, got -12', code: 'out-of-range' as const, zh: '网格户数：应为不小于 0 的整数，实际为 -12。', en: 'expected integer >= 0, got -12' },
      { path: '', message: 'and 3 more errors', code: 'invalid' as const, zh: '另有 3 处错误。', en: 'and 3 more errors' },
    ];
    results.splice(0, results.length, { line: 7, recordId: 'SY-G-0203', city: 'shenyang', kind: 'grid', valid: false, errors, findings: [] });
    const rows = parseCsv((await format(createCsvFormatter, results)).slice(1));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('message_zh')]).toBe('facts.households: 网格户数：应为不小于 0 的整数，实际为 -12。; 另有 3 处错误。');
  });

  it('defuses a record id that a spreadsheet would run as a formula', async () => {
    const rows = parseCsv((await format(createCsvFormatter, sampleResults())).slice(1));
    expect(rows.find((row) => row.includes('facts.households: expected integer >= 0'))?.[2]).toBe("'=cmd|calc");
  });

  it('quotes fields with comma, quote, CR or LF and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });
});

describe('csv formatter with one input', () => {
  it('fills the file column with the input name', async () => {
    const text = await format(createCsvFormatter, sampleResults().slice(0, 1), { failOn: 'violation', defaultFile: 'batch.ndjson' });
    expect(text.split('\r\n')[1]?.startsWith('batch.ndjson,1,SY-0001,')).toBe(true);
  });
});
