import { langFromEnv, type Lang } from '../locales/label.js';
import type { Readable, Writable } from 'node:stream';
import { USAGE_TEXT } from './usageText.js';

/** The streams a CLI command talks to; tests pass their own. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stdout / stderr are terminals (decides default format and progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Working directory for relative paths. */
  cwd: string;
  /** The environment (locale variables decide the default `--lang`); absent in most tests. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `--lang` from the arguments, else the locale environment (zh when it says Chinese). A --lang it
 * does not know is refused in `errorLang`: a command's language before parsing (usageText.ts), by
 * default the locale's.
 */
export function chooseLang(value: string | undefined, io: Pick<CliIO, 'env'>, errorLang?: Lang): Lang {
  if (value === 'zh' || value === 'en') return value;
  const locale = langFromEnv(io.env ?? {});
  if (value !== undefined) {
    const lang = errorLang ?? locale;
    throw new UsageError(USAGE_TEXT[lang].oneOf('--lang', ['zh', 'en'], value), { lang });
  }
  return locale;
}

/** A subcommand: gets its own arguments (after the command name), returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit code for unusable arguments, an unreadable file or an invalid record. */
export const EXIT_USAGE = 2;

/** Raised for bad arguments; the dispatcher prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The language the message is in: the dispatcher's `shequ-rules CMD:` before it follows (zh `：`). */
  readonly lang: 'zh' | 'en';

  constructor(message: string, options: { lang?: 'zh' | 'en' } = {}) {
    super(message);
    this.lang = options.lang ?? 'en';
  }
}

/**
 * Throws a UsageError in `lang`. Give the constant holding it a type, `const refuse: Refuse =
 * refuser(lang)`, so that TypeScript knows the code after a call is not reached.
 */
export function refuser(lang: Lang): Refuse {
  return (message) => {
    throw new UsageError(message, { lang });
  };
}

export type Refuse = (message: string) => never;
