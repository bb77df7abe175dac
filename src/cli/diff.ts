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
import { maybeGunzip, readInputs } from './check/input.js';
import { Differ, type ResultLike } from './diff/compare.js';
import { createDiffWriter, DIFF_FORMATS, type DiffFormat } from './diff/formats.js';
import { chooseLang, UsageError, type CliIO, type Command } from './io.js';

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
      --lang zh|en        language of the table and the messages in csv/junit
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
      --lang zh|en        表格的语言及 csv/junit 中消息的语言
  -h, --help              显示本帮助

退出码：0 没有新增不符合 · 1 有新增不符合 · 2 参数不可用或文件无法读取
`;

/** Results of one side, streamed: a result file's lines, or the records of a file checked now. */
async function* resultsOf(path: string, name: string, check: boolean, asOf: string | undefined): AsyncGenerator<ResultLike> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`cannot read ${name}: is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error)}`);
  }
  if (check) {
    const evaluator = createEvaluator(asOf !== undefined ? { asOf } : {});
    const items = readInputs([{ name, path }], { stdin: Readable.from([]) });
    for await (const result of checkBatch(items, evaluator, { multiFile: false })) {
      if ('fileError' in result) throw new UsageError(result.errors[0]?.message ?? `cannot read ${name}`);
      yield result;
    }
    return;
  }
  const lines = createInterface({ input: Readable.from(maybeGunzip(createReadStream(path))), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    // NDJSON results, or the one-result-per-line JSON document of `check --format json`.
    const line = raw.replace(/^\uFEFF/, '').trim().replace(/,$/, '');
    if (line === '' || line === '{"results":[' || line === ']' || line.startsWith('"summary":')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${name}:${lineNumber}: not a result line (write it with check --format ndjson or json, or pass --check for record files)`);
    }
    if (typeof value !== 'object' || value === null || !Array.isArray((value as { findings?: unknown }).findings)) {
      throw new UsageError(`${name}:${lineNumber}: not a check result (no findings); for record files pass --check`);
    }
    yield value as ResultLike;
  }
}

/** `shequ-rules diff BEFORE AFTER`. */
export const runDiff: Command = async (args, io: CliIO) => {
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
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (see: shequ-rules diff --help)`);
  }
  const { values, positionals } = parsed;
  const lang = chooseLang(values.lang, io);
  if (values.help) {
    io.stdout.write(lang === 'zh' ? DIFF_HELP_ZH : DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`needs two files, BEFORE and AFTER (got ${positionals.length}) (see: shequ-rules diff --help)`);
  const format = values.format ?? (values.out === undefined && io.stdoutIsTTY ? 'table' : 'ndjson');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')} (got '${format}')`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new UsageError(`--as-of must be a real calendar date YYYY-MM-DD (got '${asOf}')`);
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
    if (input !== undefined) throw new UsageError(`--out ${values.out} is the input ${input}: refusing to overwrite it`);
    try {
      atomic = await openAtomicOut(outPath);
    } catch (error) {
      throw new UsageError(`--out: cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const writer = createDiffWriter(format as DiffFormat, atomic?.stream ?? io.stdout, lang);
  try {
    const differ = new Differ();
    for await (const result of resultsOf(at(beforeName), beforeName, values.check, asOf)) differ.addBefore(result);
    await writer.start();
    for await (const result of resultsOf(at(afterName), afterName, values.check, asOf)) {
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
