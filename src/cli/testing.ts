/**
 * Test helpers for the commands' usage errors (not part of the CLI): a command run through the
 * dispatcher with a given locale, the English words left in a line that should be Chinese, and the
 * tests every command's usage errors get.
 */
import { expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { testIO } from './check/testing.js';
import { main } from './main.js';

/** `shequ-rules COMMAND ARGS` through the dispatcher (main.ts): exit code and stderr, with the locale `env` gives. */
export async function runCommand(command: string, args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number; stderr: string }> {
  const io = { ...testIO(options.cwd === undefined ? {} : { cwd: options.cwd }), env: options.env ?? {} };
  const code = await main([command, ...args], io);
  return { code, stderr: io.stderr.text };
}

/** The values of the CLI's options a Chinese line may name as they are typed. */
const VALUES = ['ndjson', 'json', 'table', 'csv', 'junit', 'html', 'check', 'gzip', 'zh', 'en', 'findings', 'auto', 'trace', 'violation', 'warning', 'never', ...CITY_KEYS];

/** Latin words left in a line, but for `kept`, values, options, commands, paths and error codes. */
export function englishIn(line: string, kept: string): string[] {
  const rest = line
    .replace(/shequ-rules \w+/g, '')
    .replaceAll(kept, '')
    .replaceAll('YYYY-MM-DD', '')
    .replace(/\S*\/\S*|--[a-z-]+|\b[A-Z_]{3,}\b|\S+\.(ndjson|gz)\b/g, '')
    .replace(new RegExp(`\\b(${VALUES.join('|')})\\b`, 'g'), '');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** A way to get a command wrong: what it is, the arguments, and a word its Chinese line must keep (a name, a value). */
export type Mistake = readonly [what: string, args: string[], kept: string];

/**
 * The tests of a command's usage errors in both languages: with --lang zh each mistake is one
 * Chinese line (but for names and values) after `shequ-rules CMD：`, exit 2; with no locale it is
 * English, with a Chinese locale Chinese, and --lang wins over the locale both ways. `cwd` is read
 * when a test runs (a directory a beforeAll makes).
 */
export function itSaysMistakesInTheLanguageAskedFor(command: string, mistakes: readonly Mistake[], cwd: () => string = () => process.cwd()): void {
  const run = (args: string[], env: Record<string, string> = {}) => runCommand(command, args, { env, cwd: cwd() });

  it.each(mistakes)('says %s in Chinese throughout with --lang zh, in one line, exit 2', async (_what, args, kept) => {
    const { code, stderr } = await run([...args, '--lang', 'zh']);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^shequ-rules ${command}：[^\\n]+\\n$`));
    expect(stderr).toContain(kept);
    expect({ stderr, english: englishIn(stderr, kept) }).toEqual({ stderr, english: [] });
  });

  it.each(mistakes)('says %s in English by default, and in Chinese when the locale is Chinese', async (_what, args, kept) => {
    const en = await run(args, { LANG: 'C' });
    expect(en.code).toBe(2);
    // One line; check puts its pointer to --help under Node's words for an unknown option.
    expect(en.stderr).toMatch(new RegExp(`^shequ-rules ${command}: [^\\n]+\\n(\\(see: shequ-rules ${command} --help\\)\\n)?$`));
    expect(en.stderr).toContain(kept);
    const zh = await run(args, { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(new RegExp(`^shequ-rules ${command}：`));
    expect(zh.stderr).toContain(kept);
    // --lang wins over the locale, both ways.
    expect((await run(['--lang', 'en', ...args], { LANG: 'zh_CN.UTF-8' })).stderr).toBe(en.stderr);
    expect((await run(['--lang', 'zh', ...args], { LANG: 'C' })).stderr).toBe(zh.stderr);
  });
}
