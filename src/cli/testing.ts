/**
 * Test helpers for the commands' usage errors (not part of the CLI): a command run through the
 * dispatcher with a given locale, and the English words left in a line that should be Chinese.
 */
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
