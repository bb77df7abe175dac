import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createEvaluator } from '../evaluate.js';
import { isCalendarDate } from './check/args.js';
import { openAtomicOut, sameFileAs, type AtomicOut } from './check/atomicOut.js';
import { checkBatch } from './check/batch.js';
import { fileErrorZh } from './check/fileErrorZh.js';
import { describeError, maybeGunzip, readInputs } from './check/input.js';
import { Differ, type ResultLike } from './diff/compare.js';
import { createDiffWriter, DIFF_FORMATS, type DiffFormat } from './diff/formats.js';
import type { Lang } from '../locales/label.js';
import { chooseLang, UsageError, type CliIO, type Command } from './io.js';
import { langBeforeParsing, parseErrorMessage, parseErrorZh, USAGE_TEXT } from './usageText.js';

export const DIFF_HELP = `Usage: shequ-rules diff BEFORE AFTER [options]

Compares two runs of \`shequ-rules check\` over the same records, matched by record id: per record
and check, fixed (fail → pass or not-applicable), new failures (→ fail), still failing, newly
unknown (→ unknown); records added, removed, or now invalid. BEFORE and AFTER are result files
written by \`check --format ndjson\` or \`--format json\` (gzip allowed), or, with --check, record
files that are checked first.

Options:
      --check             BEFORE and AFTER are record files: check both, then compare
      --as-of YYYY-MM-DD  with --check: the date for records without their own asOf
  -f, --format FORMAT     ${DIFF_FORMATS.join(' | ')} (default: table on a terminal, else ndjson)
  -o, --out FILE          write the report to FILE (atomically)
      --lang zh|en        language of the table, the messages in csv/junit and errors
  -h, --help              show this help

Exit codes: 0 no new failures · 1 new failures · 2 unusable arguments or an unreadable file

Examples:
  shequ-rules check before.ndjson --format ndjson > r1.ndjson
  shequ-rules check after.ndjson --format ndjson > r2.ndjson
  shequ-rules diff r1.ndjson r2.ndjson
  shequ-rules diff before.ndjson after.ndjson --check --format json
`;

export const DIFF_HELP_ZH = `用法：shequ-rules diff 之前 之后 [选项]

比较同一批记录两次 \`shequ-rules check\` 的结果（按记录编号匹配）：逐条记录、逐项检查列出已整改（不符合 → 符合或不适用）、
新增不符合、仍不符合、新变为无法判断，以及新增、删除或变为无效的记录。之前、之后为 \`check --format ndjson\`
或 \`--format json\` 写出的结果文件（可 gzip 压缩）；加 --check 时为记录文件，先检查再比较。

选项：
      --check             之前、之后为记录文件：先检查两者再比较
      --as-of YYYY-MM-DD  与 --check 同用：没有 asOf 的记录所用的日期
  -f, --format 格式       ${DIFF_FORMATS.join(' | ')}（默认：终端上为 table，否则 ndjson）
  -o, --out 文件          把报告写入文件（原子写入）
      --lang zh|en        表格、csv/junit 中的消息及错误信息的语言
  -h, --help              显示本帮助

退出码：0 没有新增不符合 · 1 有新增不符合 · 2 参数不可用或文件无法读取
`;

/**
 * The words of diff's errors. A file that cannot be read is said as check says it (`cannot read
 * FILE: no such file (ENOENT)`), and in Chinese by the same fileErrorZh.
 */
const TEXT = {
  en: {
    seeHelp: (message: string) => `${message} (see: shequ-rules diff --help)`,
    fileError: (message: string) => message,
    notResultLine: (name: string, line: number) =>
      `${name}:${line}: not a result line (write it with check --format ndjson or json, or pass --check for record files)`,
    notCheckResult: (name: string, line: number) => `${name}:${line}: not a check result (no findings); for record files pass --check`,
    twoFiles: (got: number) => `needs two files, BEFORE and AFTER (got ${got})`,
  },
  zh: {
    seeHelp: (message: string) => `${message}（见：shequ-rules diff --help）`,
    fileError: (message: string, name: string) => fileErrorZh(message, name),
    notResultLine: (name: string, line: number) =>
      `${name} 第 ${line} 行不是结果行（结果文件由 check --format ndjson 或 json 写出；记录文件请加 --check）`,
    notCheckResult: (name: string, line: number) => `${name} 第 ${line} 行不是检查结果（没有 findings）；记录文件请加 --check`,
    twoFiles: (got: number) => `需要两个文件：之前、之后（收到 ${got} 个）`,
  },
} satisfies Record<Lang, unknown>;

/** Results of one side, streamed: a result file's lines, or the records of a file checked now. */
async function* resultsOf(path: string, name: string, check: boolean, asOf: string | undefined, lang: Lang): AsyncGenerator<ResultLike> {
  const text = TEXT[lang];
  const cannotRead = (error: unknown, after = 0): UsageError =>
    new UsageError(text.fileError(`cannot read ${name}${after > 0 ? ` after line ${after}` : ''}: ${describeError(error)}`, name), { lang });
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw cannotRead(error);
  }
  if (check) {
    const evaluator = createEvaluator(asOf !== undefined ? { asOf } : {});
    const items = readInputs([{ name, path }], { stdin: Readable.from([]) });
    for await (const result of checkBatch(items, evaluator, { multiFile: false })) {
      if ('fileError' in result) {
        const error = result.errors[0];
        throw new UsageError(error === undefined ? text.fileError(`cannot read ${name}`, name) : lang === 'zh' ? error.zh : error.message, { lang });
      }
      yield result;
    }
    return;
  }
  const lines = createInterface({ input: Readable.from(maybeGunzip(createReadStream(path))), crlfDelay: Infinity });
  let lineNumber = 0;
  const iterator = lines[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (error) {
      // Corrupt or cut gzip data, a read error: one line, as check says it, not a stack trace.
      throw cannotRead(error, lineNumber);
    }
    if (next.done === true) return;
    lineNumber += 1;
    // NDJSON results, or the one-result-per-line JSON document of `check --format json`.
    const line = next.value.replace(/^\uFEFF/, '').trim().replace(/,$/, '');
    if (line === '' || line === '{"results":[' || line === ']' || line.startsWith('"summary":')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(text.notResultLine(name, lineNumber), { lang });
    }
    if (typeof value !== 'object' || value === null || !Array.isArray((value as { findings?: unknown }).findings)) {
      throw new UsageError(text.notCheckResult(name, lineNumber), { lang });
    }
    yield value as ResultLike;
  }
}

/** `shequ-rules diff BEFORE AFTER`. */
export const runDiff: Command = async (args, io: CliIO) => {
  const early = langBeforeParsing(args, io);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        check: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node says some of these on three lines: one line, as every other usage error.
    const message = parseErrorMessage(error).replace(/\s*\n\s*/g, ' ');
    throw new UsageError(TEXT[early].seeHelp(early === 'zh' ? parseErrorZh(message) : message), { lang: early });
  }
  const { values, positionals } = parsed;
  const lang = chooseLang(values.lang, io, early);
  const text = TEXT[lang];
  const usage = USAGE_TEXT[lang];
  if (values.help) {
    io.stdout.write(lang === 'zh' ? DIFF_HELP_ZH : DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(text.seeHelp(text.twoFiles(positionals.length)), { lang });
  const format = values.format ?? (values.out === undefined && io.stdoutIsTTY ? 'table' : 'ndjson');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(usage.oneOf('--format', DIFF_FORMATS, format), { lang });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new UsageError(usage.asOf(asOf), { lang });
  const [beforeName, afterName] = positionals as [string, string];
  const at = (file: string): string => (isAbsolute(file) ? file : resolve(io.cwd, file));

  // --out is checked before anything is read: never one of the two inputs (the report would
  // replace the run it compares), and writable.
  let atomic: AtomicOut | undefined;
  if (values.out !== undefined) {
    const outPath = resolve(io.cwd, values.out);
    const input = await sameFileAs(outPath, [
      { name: beforeName, path: at(beforeName) },
      { name: afterName, path: at(afterName) },
    ]);
    if (input !== undefined) throw new UsageError(usage.outIsInput(values.out, input), { lang });
    try {
      atomic = await openAtomicOut(outPath);
    } catch (error) {
      throw new UsageError(usage.outUnwritable(values.out, error instanceof Error ? error.message : String(error)), { lang });
    }
  }
  const writer = createDiffWriter(format as DiffFormat, atomic?.stream ?? io.stdout, lang);
  try {
    const differ = new Differ();
    for await (const result of resultsOf(at(beforeName), beforeName, values.check, asOf, lang)) differ.addBefore(result);
    await writer.start();
    for await (const result of resultsOf(at(afterName), afterName, values.check, asOf, lang)) {
      const { findings, records } = differ.compare(result);
      for (const r of records) await writer.record(r);
      for (const f of findings) await writer.finding(f);
    }
    for (const r of differ.removed()) await writer.record(r);
    const summary = differ.summary();
    await writer.end(summary);
    await atomic?.commit();
    return summary.exitCode;
  } catch (error) {
    await atomic?.abort();
    throw error;
  }
};
