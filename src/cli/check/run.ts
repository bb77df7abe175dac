import { createWriteStream, fstatSync, type WriteStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { chooseLang, UsageError, type CliIO } from '../io.js';
import { USAGE_TEXT } from '../usageText.js';
import { parseCheckArgs, CHECK_HELP, CHECK_HELP_ZH } from './args.js';
import { endStream, openAtomicOut, sameFileAs, WRITE_AHEAD_BYTES, type AtomicOut } from './atomicOut.js';
import { checkBatch, type Evaluator } from './batch.js';
import { closingLine } from './closingLine.js';
import { EXIT_INTERRUPTED, EXIT_WRITE_FAILED } from './exitCode.js';
import type { Formatter } from './formatter.js';
import { fileErrorZhAmong } from './fileErrorZh.js';
import { FORMATTERS } from './formats.js';
import { readInputs, STDIN_NAME, totalInputBytes, type InputSource, type ReadState } from './input.js';
import { Progress } from './progress.js';
import { isFileError } from './result.js';
import { SummaryBuilder } from './summary.js';
import { terminalText } from './terminalText.js';
import { createBatchRenderer, PIECE_BYTES, RENDERED_FORMATS, type RenderConfig, type RenderedBatch, type RenderedFormat } from './renderBatch.js';
import { ChunkPool } from './utf8Chunks.js';
import { autoJobs, WorkerPool } from './workerPool.js';
import { BatchBuffers, type LineBatch } from './read/lineBatch.js';

/** The options `check` gives the evaluator (a subset of `EvaluateOptions` in src/evaluate.ts). */
export interface CheckEvaluatorOptions {
  asOf?: string;
  allowUnknownKeys?: boolean;
  explain?: boolean;
}

export interface CheckDependencies {
  /** May resolve later (check.ts imports the library only when a record is evaluated here). */
  createEvaluator: (options: CheckEvaluatorOptions) => Evaluator | Promise<Evaluator>;
  /** Aborted on SIGINT: reading stops, the --out temporary file is removed, exit 130. */
  signal?: AbortSignal;
  /** Records evaluated at once (default: checkBatch's). */
  concurrency?: number;
  now?: () => number;
  /**
   * True when `createEvaluator` is the package's own, so that `--jobs` worker threads can build
   * the same evaluator themselves. Without it, everything runs on the main thread.
   */
  threads?: boolean;
}

/**
 * NDJSON lines per batch: large enough to amortise a worker message, small for memory. With
 * --jobs 2 up to four batches and their rendered output (~2.7 MB per 1,000 lines of ndjson) are in
 * hand at once, and the output chunk pools below are sized to a batch: 1,000 lines with pools of
 * 32 peaked at 201-228 MB RSS on 1M records, 500 lines with pools of 16 at 181-182 MB, as fast
 * (scripts/bench-cli.ts' measurement, variants interleaved).
 */
const BATCH_LIMITS = { maxLines: 500, maxBytes: 1024 * 1024 };

/**
 * Written output chunks sent back to a worker with each batch (a batch renders to about 6). Fewer
 * than a batch uses is worse than more: each chunk missing is allocated afresh, and that churn
 * made RSS climb through the run (pools of 12-16 with 1,000-line batches: 229-241 MB).
 */
const SPARES_PER_BATCH = 8;
/** Written output chunks kept for reuse on the main thread (256 kB each). */
const SPARES_KEPT = 16;

/** Exit code when stdout went away (a closed pipe), as a shell reports SIGPIPE. */
const EXIT_BROKEN_PIPE = 141;

/**
 * `shequ-rules check`: arguments → inputs → evaluator → formatter → stdout or --out, and the exit
 * code from the summary. The evaluator is injected, so this runs in tests without the rules.
 */
export async function runCheckWith(args: readonly string[], io: CliIO, deps: CheckDependencies): Promise<number> {
  const options = parseCheckArgs(args, io);
  const lang = chooseLang(options.lang, io);
  const usage = USAGE_TEXT[lang];
  if (options.help) {
    io.stdout.write(lang === 'zh' ? CHECK_HELP_ZH : CHECK_HELP);
    return 0;
  }
  // A trace is data, not a table: --explain without --format writes ndjson.
  const format = options.format ?? (options.out === undefined && io.stdoutIsTTY && options.explain !== true ? 'table' : 'ndjson');
  const files = options.files.length > 0 ? options.files : ['-'];
  const sources: InputSource[] = files.map((f) =>
    f === '-' ? { name: STDIN_NAME, path: null } : { name: f, path: isAbsolute(f) ? f : resolve(io.cwd, f) },
  );
  const evaluatorOptions: CheckEvaluatorOptions = {
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.allowUnknownKeys ? { allowUnknownKeys: true } : {}),
    ...(options.explain ? { explain: true } : {}),
  };
  const jobs = options.jobs === 'auto' ? autoJobs() : options.jobs;
  const renderedFormat = (RENDERED_FORMATS as readonly string[]).includes(format);
  // With worker threads the main thread only reads and writes: its own evaluator (the rules
  // compiled once more) is built only if a record needs it (JSON array elements).
  const pooled = renderedFormat && jobs > 1 && deps.threads === true;
  let evaluator: Evaluator | undefined = pooled ? undefined : await deps.createEvaluator(evaluatorOptions);
  const loadEvaluator = async (): Promise<Evaluator> => (evaluator ??= await deps.createEvaluator(evaluatorOptions));
  /** The evaluator once loaded (loadEvaluator is awaited before any record is evaluated here). */
  const getEvaluator = (): Evaluator => {
    if (evaluator === undefined) throw new Error('check: the evaluator was used before it was loaded');
    return evaluator;
  };

  let atomic: AtomicOut | undefined;
  if (options.out !== undefined) {
    const outPath = resolve(io.cwd, options.out);
    const input = await sameFileAs(outPath, sources);
    if (input !== undefined) throw new UsageError(usage.outIsInput(options.out, input), { lang });
    try {
      atomic = await openAtomicOut(outPath);
    } catch (error) {
      throw new UsageError(usage.outUnwritable(options.out, error instanceof Error ? error.message : String(error)), { lang });
    }
  }
  const stdoutFile = atomic === undefined ? fileStdout(io) : undefined;
  const out: Writable = atomic?.stream ?? stdoutFile ?? io.stdout;
  // A file or the process's standard output keeps nothing once written: chunks can be reused.
  const chunks = atomic !== undefined || stdoutFile !== undefined || out === process.stdout ? new ChunkPool(PIECE_BYTES, SPARES_KEPT) : undefined;
  const formatter: Formatter = FORMATTERS[format](out, {
    ...(chunks !== undefined ? { chunks } : {}),
    ...(options.city !== undefined ? { city: options.city } : {}),
    ...(sources.length === 1 && sources[0] !== undefined ? { defaultFile: sources[0].name } : {}),
    failOn: options.failOn,
    lang,
  });
  const state: ReadState = { bytesRead: 0, totalBytes: await totalInputBytes(sources) };
  // No progress line while the report itself streams to the terminal: the two would interleave.
  const reportOnTerminal = atomic === undefined && io.stdoutIsTTY;
  const progress = new Progress(io.stderr, state, { enabled: io.stderrIsTTY && !reportOnTerminal, lang, ...(deps.now ? { now: deps.now } : {}) });
  const summary = new SummaryBuilder(options.city);
  const signal = deps.signal;
  const sourceNames = sources.map((source) => source.name);
  const fileErrorLine = (message: string): string => `${lang === 'zh' ? 'shequ-rules check：' : 'shequ-rules check: '}${terminalText(message)}\n`;

  const discard = async (): Promise<void> => {
    progress.clear();
    await formatter.abort();
    await atomic?.abort();
    // What was handed to standard output is written, as process.stdout would have written it.
    if (stdoutFile !== undefined) await endStream(stdoutFile).catch(() => {});
  };

  if (sources.some((s) => s.path === null) && (io.stdin as { isTTY?: boolean }).isTTY === true) {
    io.stderr.write(lang === 'zh' ? 'shequ-rules check：从标准输入读取记录（按 Ctrl-D 结束）\n' : 'shequ-rules check: reading records from standard input (end with Ctrl-D)\n');
  }

  const readOptions = {
    stdin: io.stdin,
    state,
    ...(signal ? { signal } : {}),
    ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}),
    ...(options.maxGzipRatio !== undefined ? { maxGzipRatio: options.maxGzipRatio } : {}),
  };

  try {
    await formatter.start();
    const writeRendered = formatter.writeRendered?.bind(formatter);
    if (writeRendered && renderedFormat && (pooled || evaluator?.evaluateSync !== undefined)) {
      // ndjson / csv: records in batches of line bytes, rendered here or on worker threads.
      const render: RenderConfig = {
        format: format as RenderedFormat,
        multiFile: sources.length > 1,
        ...(options.city !== undefined ? { city: options.city } : {}),
        ...(sources.length === 1 && sources[0] !== undefined ? { defaultFile: sources[0].name } : {}),
      };
      const renderer = createBatchRenderer(render, (record) => getEvaluator().evaluateSync!(record), chunks);
      // Batches are gathered in the buffers of batches already rendered (here or by a worker).
      const buffers = new BatchBuffers();
      const pool = pooled ? new WorkerPool(jobs, { render, evaluator: evaluatorOptions }, buffers) : undefined;
      const renderLines = (batch: LineBatch): RenderedBatch => {
        const rendered = renderer.lines(batch);
        buffers.give(batch.bytes.buffer as ArrayBuffer);
        return rendered;
      };
      const emit = async (rendered: RenderedBatch): Promise<void> => {
        summary.merge(rendered.summary);
        for (const message of rendered.fileErrors) {
          progress.clear();
          io.stderr.write(fileErrorLine(lang === 'zh' ? fileErrorZhAmong(message, sourceNames) : message));
        }
        for (const piece of rendered.output) await writeRendered(piece);
        progress.tick(summary.records);
      };
      // In flight at most two batches per worker: memory stays bounded, workers stay busy.
      const pending: Promise<RenderedBatch>[] = [];
      const submit = async (task: RenderedBatch | Promise<RenderedBatch>): Promise<void> => {
        if (!pool) return emit(await task);
        pending.push(Promise.resolve(task));
        while (pending.length >= jobs * 2) await emit(await pending.shift()!);
      };
      try {
        for await (const piece of readInputs(sources, { ...readOptions, batch: { ...BATCH_LIMITS, buffers } })) {
          if (signal?.aborted) break;
          if (piece.type === 'lines') await submit(pool ? pool.run(piece.batch, chunks?.spares(SPARES_PER_BATCH)) : renderLines(piece.batch));
          else {
            if (piece.type === 'record') await loadEvaluator();
            await submit(renderer.items([piece]));
          }
        }
        while (pending.length > 0 && !signal?.aborted) await emit(await pending.shift()!);
      } finally {
        await pool?.close();
        // A batch still in flight after an error or Ctrl-C is dropped, not reported unhandled.
        for (const left of pending) left.catch(() => {});
      }
    } else {
      await runItems();
    }
    if (signal?.aborted) {
      await discard();
      io.stderr.write(lang === 'zh' ? 'shequ-rules check：已中断，未写出报告\n' : 'shequ-rules check: interrupted; no report written\n');
      return EXIT_INTERRUPTED;
    }
    const final = summary.finish(options.failOn);
    await formatter.end(final);
    if (stdoutFile !== undefined) await endStream(stdoutFile);
    progress.clear();
    await atomic?.commit();
    // An empty input exits 0 like a clean batch: say so, or a CI job fed an empty file (a failed
    // export, zcat of a missing file) passes unnoticed.
    if (final.records === 0 && final.unreadableFiles.length === 0) {
      io.stderr.write(lang === 'zh' ? 'shequ-rules check：输入中没有记录（读取 0 条）\n' : 'shequ-rules check: no records in the input (0 read)\n');
    }
    if (io.stderrIsTTY && format !== 'table') {
      io.stderr.write(closingLine(final, lang));
    }
    return final.exitCode;
  } catch (error) {
    await discard();
    if (isBrokenPipe(error)) return EXIT_BROKEN_PIPE;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== undefined && WRITE_FAILURES[code] !== undefined) {
      const where = options.out === undefined ? 'standard output' : terminalText(options.out);
      io.stderr.write(`shequ-rules check: cannot write the report to ${where}: ${WRITE_FAILURES[code]} (${code}); no report was left\n`);
      return EXIT_WRITE_FAILED;
    }
    throw error;
  }

  /** Other formats (and injected asynchronous evaluators): one result at a time, in order. */
  async function runItems(): Promise<void> {
    const items = readInputs(sources, readOptions);
    const results = checkBatch(items, await loadEvaluator(), {
      multiFile: sources.length > 1,
      ...(options.city !== undefined ? { city: options.city } : {}),
      ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
      ...(signal ? { signal } : {}),
    });
    for await (const result of results) {
      if (signal?.aborted) break;
      summary.add(result);
      if (isFileError(result)) {
        progress.clear();
        const error = result.errors[0];
        io.stderr.write(fileErrorLine((lang === 'zh' ? error?.zh : error?.message) ?? `cannot read ${result.file}`));
      }
      await formatter.result(result);
      progress.tick(summary.records);
    }
  }
}

/**
 * Standard output as an asynchronous file stream when it is a regular file (`> report.ndjson`,
 * `>> log`): Node writes process.stdout to a file synchronously, so the main thread would wait on
 * every write's copy into the page cache (a 1M-record ndjson report is 2.7 GB) instead of
 * evaluating the next records meanwhile, as it does with --out. It writes at the file's own offset
 * (`>>` appends) and leaves descriptor 1 open.
 */
function fileStdout(io: CliIO): WriteStream | undefined {
  if (io.stdout !== process.stdout) return undefined;
  try {
    if (!fstatSync(1).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return createWriteStream('/dev/stdout', { fd: 1, autoClose: false, highWaterMark: WRITE_AHEAD_BYTES });
}

/** Errors that stop the report being written: one line on stderr and exit EXIT_WRITE_FAILED. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
};

/** The input (as named) that `outPath` is, by path or by inode (a link), if any. */
function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';
}
