import { parseArgs } from 'node:util';
import type { Lang } from '../../locales/label.js';
import { CITY_KEYS, type CityKey } from '../../types.js';
import { chooseLang, refuser, UsageError, type CliIO, type Refuse } from '../io.js';
import { langBeforeParsing, parseErrorMessage, parseErrorZh, USAGE_TEXT } from '../usageText.js';
import { FAIL_ON, type FailOn } from './exitCode.js';
import { FORMATS, type FormatName } from './formats.js';

export const CHECK_HELP = `Usage: shequ-rules check [FILE ...|-] [options]

Checks records (see the record contract) against the five cities' rules and reports one result
per record, in input order. FILE is NDJSON (one record per line, blank lines skipped) or a JSON
array (first non-space character "["; streamed, results carry "index"; after a broken element
reading resumes at the next element). Files may be gzip-compressed (detected by content; several
members and trailing garbage read like zcat). "-" or no FILE reads standard input; a FIFO may be
named. UTF-8, with or without BOM; LF, CRLF or CR line ends. A record giving one key twice is
invalid (duplicate-key), not judged on either value.

Options:
  -f, --format FORMAT     table | ndjson | json | csv | junit | html
                          (default: table when stdout is a terminal and no --out, else ndjson)
  -o, --out FILE          write the report to FILE (atomically: a temporary file beside it is
                          renamed at the end; an interrupted run leaves nothing at FILE)
      --as-of YYYY-MM-DD  date of the situation for records without their own asOf (default today)
      --city CITY         check only records of CITY (${CITY_KEYS.join(' | ')});
                          records of other cities are reported as skipped, never dropped
      --fail-on LEVEL     violation | warning | never (default violation): which failing
                          findings make the exit code 1 (non-binding drafts count too)
      --allow-unknown-keys  accept record keys the contract does not know (default: invalid)
      --explain           give every evaluated finding its "trace": the check's conditions as
                          evaluated, each with its truth, fact, operator, compared and actual
                          value (ndjson and json only; the default format becomes ndjson)
      --max-line-bytes N  longest NDJSON line / JSON array element read, in bytes (suffix K, M, G
                          for KiB, MiB, GiB; default 16M); a longer one is reported invalid
                          without being held in memory
      --max-gzip-ratio N  stop reading a gzip file that expands more than N times (a
                          decompression bomb; default 100, 0 = no limit)
      --lang zh|en        language of table and html reports, of errors and of this help (default:
                          zh when LC_ALL / LC_MESSAGES / LANG say Chinese, else en)
  -j, --jobs N|auto       evaluate on N worker threads (auto: one per core; default 1); output
                          order and bytes are those of --jobs 1 (ndjson and csv; other formats
                          evaluate on the main thread)
  -h, --help              show this help

Exit codes:
  0    nothing fails at or above --fail-on
  1    a finding fails at or above --fail-on
  2    unusable arguments, an unreadable file, or an invalid record (other files and records
       are still checked and reported)
  3    the report could not be written (disk full, quota, I/O error): one line on stderr,
       no report is left at --out
  130  interrupted (Ctrl-C): reading stops (even a wait on a FIFO), no report is left at --out
  141  stdout was closed early (e.g. piped into head), as a shell reports SIGPIPE

Examples:
  shequ-rules check fixtures/batch.ndjson
  shequ-rules check records/*.ndjson.gz --format csv --out report.csv --as-of 2024-03-01
  shequ-rules check fixtures/batch.ndjson --format html --out report.html
  zcat batch.ndjson.gz | shequ-rules check - --city tonghua --format junit > junit.xml
`;

export const CHECK_HELP_ZH = `用法：shequ-rules check [文件 ...|-] [选项]

按五个城市的条例检查记录（见记录约定），按输入顺序每条记录报告一个结果。文件为 NDJSON（每行一条记录，
空行跳过）或 JSON 数组（第一个非空白字符为 "["；逐个元素流式读取，结果带 "index"；某个元素损坏时从下一个
元素继续读）。文件可以是 gzip 压缩的（按内容识别；多段和尾部垃圾按 zcat 的方式读取）。"-" 或不给文件时读取
标准输入；可以指定 FIFO。UTF-8，可带 BOM；LF、CRLF 或单独的 CR 换行。同一个键出现两次的记录无效
（duplicate-key），不按其中任何一个值检查。

选项：
  -f, --format 格式       table | ndjson | json | csv | junit | html
                          （默认：标准输出是终端且没有 --out 时为 table，否则为 ndjson）
  -o, --out 文件          把报告写入文件（原子写入：先写旁边的临时文件，结束时改名；中断时不留文件）
      --as-of YYYY-MM-DD  没有 asOf 的记录所用的情况日期（默认今天）
      --city 城市         只检查该城市的记录（${CITY_KEYS.join(' | ')}）；其他城市的记录报告为跳过，不会丢弃
      --fail-on 级别      violation | warning | never（默认 violation）：哪些不符合项使退出码为 1
                          （无约束力的草案也计入）
      --allow-unknown-keys  接受记录约定中没有的字段（默认视为无效）
      --explain           为每个经过判断的结论附上 "trace"：检查的各项条件及其判断结果、事实、运算符、
                          比较值和实际值（仅 ndjson、json；默认格式改为 ndjson）
      --max-line-bytes N  读取的 NDJSON 行或 JSON 数组元素的最大字节数（可加 K、M、G 后缀，默认 16M）；
                          更长的报告为无效，不占用内存
      --max-gzip-ratio N  gzip 文件解压后超过 N 倍即停止读取（解压炸弹；默认 100，0 为不限）
  -j, --jobs N|auto       在 N 个工作线程上检查（auto：每核一个；默认 1）；输出的顺序与字节同
                          --jobs 1（ndjson、csv；其他格式在主线程检查）
      --lang zh|en        table、html 报告、错误信息和本帮助的语言（默认：LC_ALL / LC_MESSAGES / LANG 为中文时 zh，否则 en）
  -h, --help              显示本帮助

退出码：
  0    没有达到 --fail-on 的不符合项
  1    有达到 --fail-on 的不符合项
  2    参数不可用、文件无法读取或有无效记录（其他文件和记录照常检查和报告）
  3    报告无法写入（磁盘已满、配额、I/O 错误）：标准错误输出一行，--out 不留报告
  130  被中断（Ctrl-C）：停止读取（包括等待 FIFO 时），--out 不留报告
  141  标准输出被提前关闭（例如管道接到 head），与 shell 报告 SIGPIPE 相同

示例：
  shequ-rules check fixtures/batch.ndjson --lang zh
  shequ-rules check fixtures/batch.ndjson --format html --out report.html
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
  /** `--explain`: findings carry their trace (ndjson and json only). */
  explain?: true;
  maxLineBytes?: number;
  maxGzipRatio?: number;
  /** As given; `chooseLang` (io.ts) applies the locale default. */
  lang?: string;
  /** Worker threads; 'auto' = one per core. Default 1 (the main thread). */
  jobs: number | 'auto';
}

/** Most worker threads --jobs accepts. */
export const MAX_JOBS = 64;

/** The words of check's own usage errors (usageText.ts has those it shares with the others). */
const TEXT = {
  en: {
    ...USAGE_TEXT.en,
    // Node says an unknown option on one line with its hint; the pointer to --help goes below it.
    seeHelp: (message: string) => `${message}\n(see: shequ-rules check --help)`,
    explain: (format: string) => `--explain adds each finding's trace to ndjson and json output; --format ${format} has no place for it`,
    outPath: (got: string) => `--out needs a file path (got '${got}'); omit --out to write to stdout`,
    gzipRatio: (got: string) => `--max-gzip-ratio must be a whole number, 0 for no limit (got '${got}')`,
    stdinTwice: () => "standard input ('-') can be given only once",
    byteCount: (option: string, got: string) => `${option} must be a size from 1K to 1G, e.g. 16M (got '${got}')`,
    jobs: (got: string) => `--jobs must be a whole number from 1 to ${MAX_JOBS}, or auto (got '${got}')`,
  },
  zh: {
    ...USAGE_TEXT.zh,
    seeHelp: (message: string) => `${parseErrorZh(message)}（见：shequ-rules check --help）`,
    explain: (format: string) => `--explain 把每个结论的 trace 写进 ndjson、json 输出；--format ${format} 没有写它的地方`,
    outPath: (got: string) => `--out 需要文件路径（收到 '${got}'）；写到标准输出时不加 --out`,
    gzipRatio: (got: string) => `--max-gzip-ratio 必须是不小于 0 的整数，0 为不限（收到 '${got}'）`,
    stdinTwice: () => "标准输入（'-'）只能给一次",
    byteCount: (option: string, got: string) => `${option} 必须是 1K 到 1G 之间的大小，例如 16M（收到 '${got}'）`,
    jobs: (got: string) => `--jobs 必须是 1 到 ${MAX_JOBS} 之间的整数，或 auto（收到 '${got}'）`,
  },
} satisfies Record<Lang, unknown>;

type CheckText = (typeof TEXT)[Lang];

/**
 * Parses `check`'s arguments; anything unusable throws a UsageError naming the option, in the
 * language of --lang, else of the locale `io.env` says (the same rule as diff's, see usageText.ts).
 */
export function parseCheckArgs(args: readonly string[], io: Pick<CliIO, 'env'> = {}): CheckArgs {
  const early = langBeforeParsing(args, io);
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
        explain: { type: 'boolean' },
        'max-line-bytes': { type: 'string' },
        'max-gzip-ratio': { type: 'string' },
        lang: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(TEXT[early].seeHelp(parseErrorMessage(error)), { lang: early });
  }
  const { values, positionals } = parsed;
  const lang = chooseLang(values.lang, io, early);
  const text = TEXT[lang];
  const refuse: Refuse = refuser(lang);
  const oneOf = <T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined =>
    value === undefined || (allowed as readonly string[]).includes(value) ? (value as T | undefined) : refuse(text.oneOf(option, allowed, value));
  const result: CheckArgs = {
    help: values.help === true,
    files: positionals,
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON) ?? 'violation',
    allowUnknownKeys: values['allow-unknown-keys'] === true,
    jobs: parseJobs(values.jobs, text, refuse),
  };
  if (values.lang !== undefined) result.lang = lang;
  const format = oneOf('--format', values.format, FORMATS);
  if (format !== undefined) result.format = format;
  if (values.explain === true) {
    if (format !== undefined && format !== 'ndjson' && format !== 'json') refuse(text.explain(format));
    result.explain = true;
  }
  const city = oneOf('--city', values.city, CITY_KEYS);
  if (city !== undefined) result.city = city;
  if (values.out !== undefined) {
    if (values.out === '' || values.out === '-') refuse(text.outPath(values.out));
    result.out = values.out;
  }
  if (values['as-of'] !== undefined) {
    if (!isCalendarDate(values['as-of'])) refuse(text.asOf(values['as-of']));
    result.asOf = values['as-of'];
  }
  if (values['max-line-bytes'] !== undefined) result.maxLineBytes = byteCount('--max-line-bytes', values['max-line-bytes'], text, refuse);
  if (values['max-gzip-ratio'] !== undefined) {
    const ratio = values['max-gzip-ratio'];
    if (!/^\d{1,9}$/.test(ratio)) refuse(text.gzipRatio(ratio));
    result.maxGzipRatio = Number(ratio);
  }
  if (positionals.filter((f) => f === '-').length > 1) refuse(text.stdinTwice());
  return result;
}

const BYTE_UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "16M" → 16 MiB; plain digits are bytes. At least 1 KiB, at most 1 GiB (a JS string's reach). */
function byteCount(option: string, given: string, text: CheckText, refuse: Refuse): number {
  const match = /^(\d{1,10})([KMG]?)(?:i?B)?$/i.exec(given);
  const bytes = match ? Number(match[1]) * (BYTE_UNITS[(match[2] ?? '').toUpperCase()] ?? 1) : NaN;
  return bytes >= 1024 && bytes <= 1024 ** 3 ? bytes : refuse(text.byteCount(option, given));
}

function parseJobs(value: string | undefined, text: CheckText, refuse: Refuse): number | 'auto' {
  if (value === undefined) return 1;
  if (value === 'auto') return 'auto';
  const n = Number(value);
  return /^\d+$/.test(value) && n >= 1 && n <= MAX_JOBS ? n : refuse(text.jobs(value));
}

/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
