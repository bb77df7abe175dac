/**
 * The words of usage errors that `check`, `articles` and `diff` share, in both languages, and the
 * language they are said in before the arguments are parsed. Each command keeps its own words for
 * what only it says; the dispatcher (main.ts) writes `shequ-rules CMD：` before a zh line.
 */
import { langFromEnv, type Lang } from '../locales/label.js';
import type { CliIO } from './io.js';

/** `A or B`, `A, B or C` as the allowed values of an option are listed in Chinese. */
function allowedZh(allowed: readonly string[]): string {
  return allowed.length === 2 ? `${allowed[0]} 或 ${allowed[1]}` : `${allowed.join('、')} 之一`;
}

export const USAGE_TEXT = {
  en: {
    oneOf: (option: string, allowed: readonly string[], got: string) => `${option} must be one of ${allowed.join(', ')} (got '${got}')`,
    asOf: (got: string) => `--as-of must be a real calendar date YYYY-MM-DD (got '${got}')`,
    outIsInput: (out: string, input: string) => `--out ${out} is the input ${input}: refusing to overwrite it`,
    outUnwritable: (out: string, reason: string) => `--out: cannot write ${out}: ${reason}`,
  },
  zh: {
    oneOf: (option: string, allowed: readonly string[], got: string) => `${option} 只能是 ${allowedZh(allowed)}（收到 '${got}'）`,
    asOf: (got: string) => `--as-of 必须是确实存在的日期 YYYY-MM-DD（收到 '${got}'）`,
    outIsInput: (out: string, input: string) => `--out ${out} 就是输入文件 ${input}：不予覆盖`,
    outUnwritable: (out: string, reason: string) => `--out：无法写入 ${out}：${outReasonZh(reason)}`,
  },
} satisfies Record<Lang, unknown>;

/** An --out file's open failure (atomicOut.ts) in Chinese, a reason it does not know kept as it is. */
export function outReasonZh(reason: string): string {
  const known: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
    [/^no such directory: (.*) \((\w+)\)$/, (dir, code) => `目录不存在：${dir}（${code}）`],
    [/^permission denied in (.*) \((\w+)\)$/, (dir, code) => `没有写入 ${dir} 的权限（${code}）`],
    [/^read-only file system: (.*) \((\w+)\)$/, (dir, code) => `只读文件系统：${dir}（${code}）`],
    [/^(.*) is a directory$/, (path) => `${path} 是一个目录`],
  ];
  for (const [pattern, word] of known) {
    const match = pattern.exec(reason);
    if (match) return word(...match.slice(1));
  }
  return reason;
}

/** The message of what parseArgs threw. */
export function parseErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * parseArgs's errors (Node's English, some on three lines) in Chinese, on one line: an unknown
 * option, a missing or unwanted value, an argument a command without positionals was given. A
 * message it does not know is kept as it is.
 */
export function parseErrorZh(message: string): string {
  const unknown = /^Unknown option '([^']*)'(\. To specify a positional argument)?/.exec(message);
  if (unknown) return `未知选项 ${unknown[1]}${unknown[2] === undefined ? '' : `（以 - 开头的文件名写在 -- 之后：-- ${unknown[1]}）`}`;
  // Node names an option `-f, --format <value>` when its value is missing at the end.
  const missing = /^Option '(?:-\w, )?(-[^' ]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(message);
  if (missing) return `选项 ${missing[1]} 缺少取值${missing[2] === 'missing' ? '' : `（以 - 开头的取值写作 ${missing[1]}=-XYZ）`}`;
  const unwanted = /^Option '([^']*)' does not take an argument/.exec(message);
  if (unwanted) return `选项 ${unwanted[1]} 不带取值`;
  const unexpected = /^Unexpected argument '([^']*)'/.exec(message);
  if (unexpected) return `本命令不接受位置参数（收到 '${unexpected[1]}'）`;
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * The language of the messages before the arguments are parsed (parseArgs may refuse them): the
 * last `--lang zh|en` or `--lang=zh|en` before `--`, else the locale.
 */
export function langBeforeParsing(args: readonly string[], io: Pick<CliIO, 'env'>): Lang {
  let lang: Lang = langFromEnv(io.env ?? {});
  for (let i = 0; i < args.length && args[i] !== '--'; i += 1) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i]!.startsWith('--lang=') ? args[i]!.slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') lang = value;
  }
  return lang;
}
