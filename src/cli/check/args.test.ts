import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../io.js';
import { itSaysMistakesInTheLanguageAskedFor, runCommand, type Mistake } from '../testing.js';
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

/**
 * check's usage errors follow --lang, else the locale, as diff's do: `check --lang zh --jobs 0`
 * said `--jobs must be a whole number…` in English.
 */
describe('check’s usage errors in the language asked for', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shequ-check-lang-'));
    await writeFile(join(dir, 'a.ndjson'), '');
  });

  /** `shequ-rules check ARGS` in the temporary directory: exit code and stderr, with the locale `env` gives. */
  const check = (args: string[], env: Record<string, string> = {}) => runCommand('check', args, { env, cwd: dir });

  /** Each way to get check's arguments wrong, and a word its Chinese line must keep (an option, a value). */
  const MISTAKES: readonly Mistake[] = [
    ['an unknown option', ['--bogus'], '--bogus'],
    ['an option without its value', ['a.ndjson', '--format'], '--format'],
    ['a value for a switch', ['--explain=yes'], '--explain'],
    ['an unknown format', ['--format', 'x'], "'x'"],
    ['an unknown city', ['--city', 'nowhere'], 'nowhere'],
    ['an unknown --fail-on', ['--fail-on', 'error'], 'error'],
    ['a date that does not exist', ['--as-of', '2023-02-29'], '2023-02-29'],
    ['--jobs 0', ['--jobs', '0', 'a.ndjson'], "'0'"],
    ['a --max-line-bytes too small', ['--max-line-bytes', '1'], "'1'"],
    ['a --max-gzip-ratio that is no number', ['--max-gzip-ratio', 'lots'], 'lots'],
    ['--explain with csv', ['--explain', '--format', 'csv'], 'csv'],
    ['--out without a path', ['--out', '-'], "'-'"],
    ['standard input twice', ['-', '-'], "'-'"],
    ['--out naming an input', ['a.ndjson', '--out', 'a.ndjson'], 'a.ndjson'],
    ['--out in a missing directory', ['a.ndjson', '--out', 'no-dir/out.ndjson'], 'no-dir/out.ndjson'],
  ];

  itSaysMistakesInTheLanguageAskedFor('check', MISTAKES, () => dir);

  it('words them as diff does: （收到 …）, （见：…）', async () => {
    expect((await check(['--lang', 'zh', '--bogus'])).stderr).toBe(
      'shequ-rules check：未知选项 --bogus（以 - 开头的文件名写在 -- 之后：-- --bogus）（见：shequ-rules check --help）\n',
    );
    expect((await check(['--lang', 'zh', '--jobs', '0', 'a.ndjson'])).stderr).toBe("shequ-rules check：--jobs 必须是 1 到 64 之间的整数，或 auto（收到 '0'）\n");
    expect((await check(['--as-of', '2023-02-29'], { LANG: 'zh_CN.UTF-8' })).stderr).toBe("shequ-rules check：--as-of 必须是确实存在的日期 YYYY-MM-DD（收到 '2023-02-29'）\n");
    expect((await check(['--format', 'x'], { LC_ALL: 'zh_CN.UTF-8' })).stderr).toBe("shequ-rules check：--format 只能是 table、ndjson、json、csv、junit、html 之一（收到 'x'）\n");
  });

  it('keeps the English as it was', async () => {
    expect((await check(['--jobs', '0', 'a.ndjson'])).stderr).toBe("shequ-rules check: --jobs must be a whole number from 1 to 64, or auto (got '0')\n");
    expect((await check(['--lang', 'en', '--bogus'])).stderr).toMatch(/^shequ-rules check: Unknown option '--bogus'.*\n\(see: shequ-rules check --help\)\n$/);
  });

  it('refuses a --lang it does not know in the locale language', async () => {
    expect((await check(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).stderr).toBe("shequ-rules check：--lang 只能是 zh 或 en（收到 'fr'）\n");
    expect((await check(['--lang', 'fr'])).stderr).toBe("shequ-rules check: --lang must be one of zh, en (got 'fr')\n");
  });

  it('parseCheckArgs takes the locale from its second argument, and is English without one', () => {
    const refused = (env?: Record<string, string>): unknown => {
      try {
        parseCheckArgs(['--jobs', '0'], env === undefined ? undefined : { env });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refused({ LANG: 'zh_CN.UTF-8' })).toMatchObject({ lang: 'zh', message: "--jobs 必须是 1 到 64 之间的整数，或 auto（收到 '0'）" });
    expect(refused()).toMatchObject({ lang: 'en', message: "--jobs must be a whole number from 1 to 64, or auto (got '0')" });
    expect(refused()).toBeInstanceOf(UsageError);
  });
});
