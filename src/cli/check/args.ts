import { parseArgs } from 'node:util';
import { CITY_KEYS, type CityKey } from '../../types.js';
import { UsageError } from '../io.js';
import { FAIL_ON, type FailOn } from './exitCode.js';
import { FORMATS, type FormatName } from './formats.js';

export const CHECK_HELP = `Usage: shequ-rules check [FILE ...|-] [options]

Checks records (see the record contract) against the five cities' rules and reports one result
per record, in input order. FILE is NDJSON (one record per line, blank lines skipped) or a JSON
array (first non-space character "["; read whole into memory, results carry "index"). Files may
be gzip-compressed (detected by content). "-" or no FILE reads standard input. UTF-8, with or
without BOM; LF or CRLF.

Options:
  -f, --format FORMAT     table | ndjson | json | csv | junit
                          (default: table when stdout is a terminal and no --out, else ndjson)
  -o, --out FILE          write the report to FILE (atomically: a temporary file beside it is
                          renamed at the end; an interrupted run leaves nothing at FILE)
      --as-of YYYY-MM-DD  date of the situation for records without their own asOf (default today)
      --city CITY         check only records of CITY (${CITY_KEYS.join(' | ')});
                          records of other cities are reported as skipped, never dropped
      --fail-on LEVEL     violation | warning | never (default violation): which failing
                          findings make the exit code 1 (non-binding drafts count too)
      --allow-unknown-keys  accept record keys the contract does not know (default: invalid)
      --max-line-bytes N  longest NDJSON line / JSON array element read, in bytes (suffix K, M, G
                          for KiB, MiB, GiB; default 16M); a longer one is reported invalid
                          without being held in memory
      --max-gzip-ratio N  stop reading a gzip file that expands more than N times (a
                          decompression bomb; default 100, 0 = no limit)
  -h, --help              show this help

Exit codes:
  0    nothing fails at or above --fail-on
  1    a finding fails at or above --fail-on
  2    unusable arguments, an unreadable file, or an invalid record (other files and records
       are still checked and reported)
  130  interrupted (Ctrl-C): reading stops, no report is left at --out

Examples:
  shequ-rules check fixtures/batch.ndjson
  shequ-rules check records/*.ndjson.gz --format csv --out report.csv --as-of 2024-03-01
  zcat batch.ndjson.gz | shequ-rules check - --city tonghua --format junit > junit.xml
`;

export interface CheckArgs {
  help: boolean;
  files: string[];
  format?: FormatName;
  out?: string;
  asOf?: string;
  city?: CityKey;
  failOn: FailOn;
  allowUnknownKeys: boolean;
  maxLineBytes?: number;
  maxGzipRatio?: number;
}

/** Parses `check`'s arguments; anything unusable throws a UsageError naming the option. */
export function parseCheckArgs(args: readonly string[]): CheckArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        city: { type: 'string' },
        'fail-on': { type: 'string' },
        'allow-unknown-keys': { type: 'boolean' },
        'max-line-bytes': { type: 'string' },
        'max-gzip-ratio': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\n(see: shequ-rules check --help)`);
  }
  const { values, positionals } = parsed;
  const result: CheckArgs = {
    help: values.help === true,
    files: positionals,
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON) ?? 'violation',
    allowUnknownKeys: values['allow-unknown-keys'] === true,
  };
  const format = oneOf('--format', values.format, FORMATS);
  if (format !== undefined) result.format = format;
  const city = oneOf('--city', values.city, CITY_KEYS);
  if (city !== undefined) result.city = city;
  if (values.out !== undefined) {
    if (values.out === '' || values.out === '-') throw new UsageError(`--out needs a file path (got '${values.out}'); omit --out to write to stdout`);
    result.out = values.out;
  }
  if (values['as-of'] !== undefined) {
    if (!isCalendarDate(values['as-of'])) {
      throw new UsageError(`--as-of must be a real calendar date YYYY-MM-DD (got '${values['as-of']}')`);
    }
    result.asOf = values['as-of'];
  }
  if (values['max-line-bytes'] !== undefined) result.maxLineBytes = byteCount('--max-line-bytes', values['max-line-bytes']);
  if (values['max-gzip-ratio'] !== undefined) {
    const ratio = values['max-gzip-ratio'];
    if (!/^\d{1,9}$/.test(ratio)) throw new UsageError(`--max-gzip-ratio must be a whole number, 0 for no limit (got '${ratio}')`);
    result.maxGzipRatio = Number(ratio);
  }
  if (positionals.filter((f) => f === '-').length > 1) throw new UsageError("standard input ('-') can be given only once");
  return result;
}

const BYTE_UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "16M" → 16 MiB; plain digits are bytes. At least 1 KiB, at most 1 GiB (a JS string's reach). */
function byteCount(option: string, text: string): number {
  const match = /^(\d{1,10})([KMG]?)(?:i?B)?$/i.exec(text);
  const bytes = match ? Number(match[1]) * (BYTE_UNITS[(match[2] ?? '').toUpperCase()] ?? 1) : NaN;
  if (!(bytes >= 1024 && bytes <= 1024 ** 3)) {
    throw new UsageError(`${option} must be a size from 1K to 1G, e.g. 16M (got '${text}')`);
  }
  return bytes;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
