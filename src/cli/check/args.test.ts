import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../io.js';
import { CHECK_HELP, CHECK_HELP_ZH, isCalendarDate, parseCheckArgs } from './args.js';

describe('parseCheckArgs', () => {
  it('reads files and every option', () => {
    const args = parseCheckArgs(['a.ndjson', '-', '--format', 'csv', '--out', 'r.csv', '--as-of', '2024-02-29', '--city', 'tonghua', '--fail-on', 'warning', '--allow-unknown-keys', '--jobs', '2']);
    expect(args).toEqual({
      help: false,
      files: ['a.ndjson', '-'],
      format: 'csv',
      out: 'r.csv',
      asOf: '2024-02-29',
      city: 'tonghua',
      failOn: 'warning',
      allowUnknownKeys: true,
      jobs: 2,
    });
  });

  it('defaults: no files (stdin), fail on violation', () => {
    expect(parseCheckArgs([])).toEqual({ help: false, files: [], failOn: 'violation', allowUnknownKeys: false, jobs: 1 });
    expect(parseCheckArgs(['-j', 'auto']).jobs).toBe('auto');
  });

  it.each([
    [['--format', 'xml'], /--format must be one of table, ndjson, json, csv, junit, html \(got 'xml'\)/],
    [['--city', 'beijing'], /--city must be one of shenyang, dalian, guiyang, tonghua, zhangjiakou/],
    [['--fail-on', 'error'], /--fail-on must be one of violation, warning, never/],
    [['--as-of', '2023-02-29'], /--as-of must be a real calendar date/],
    [['--as-of', '1 March 2024'], /--as-of must be a real calendar date/],
    [['--colour'], /Unknown option '--colour'/],
    [['--out'], /--out/],
    [['-', '-'], /standard input/],
    [['--jobs', '0'], /--jobs must be a whole number from 1 to 64, or auto \(got '0'\)/],
    [['--jobs', '1.5'], /--jobs must be a whole number/],
    [['--explain', '--format', 'csv'], /--explain adds each finding's trace to ndjson and json output; --format csv/],
  ])('rejects %j with a UsageError naming the option', (args, message) => {
    expect(() => parseCheckArgs(args)).toThrow(UsageError);
    expect(() => parseCheckArgs(args)).toThrow(message);
  });

  it('takes --explain with ndjson, json or no format', () => {
    expect(parseCheckArgs(['--explain']).explain).toBe(true);
    expect(parseCheckArgs(['--explain', '--format', 'json']).explain).toBe(true);
    expect(parseCheckArgs([]).explain).toBeUndefined();
  });

  it('has a help text with an example and the exit codes', () => {
    expect(parseCheckArgs(['--help']).help).toBe(true);
    expect(CHECK_HELP).toMatch(/Examples:\n {2}shequ-rules check /);
    expect(CHECK_HELP).toMatch(/Exit codes:[\s\S]*0 [\s\S]*1 [\s\S]*2 [\s\S]*130/);
  });

  it('lists in both languages every exit code of the README’s table', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('\n### ', readme.indexOf('### Exit codes') + 1));
    const codes = [...table.matchAll(/^\| (\d+) \|/gm)].map((match) => match[1]!);
    expect(codes).toEqual(['0', '1', '2', '3', '130', '141']);
    for (const help of [CHECK_HELP, CHECK_HELP_ZH]) {
      for (const code of codes) expect(help).toMatch(new RegExp(`\\n {2}${code} +\\S`));
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});
