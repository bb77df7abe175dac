/**
 * Throughput and memory of the BUILT CLI on a large batch (run `npm run build` first):
 *
 *   npm run bench:cli                          # 1,000,000 records
 *   npm run bench:cli -- --records 100000 --curve
 *   npm run bench:cli -- --records 200000 --jobs 2 --as-of 2024-06-01   # as npm run bench runs it
 *
 * Generates a seeded NDJSON batch (scripts/gen.ts), runs
 * `node dist/cli.js check FILE --format ndjson --out OUTFILE` as a child process, samples its
 * VmRSS / VmHWM from /proc/<pid>/status every ~100 ms, prints wall time, records/s and peak RSS
 * (and, with --curve, RSS at every 10 % of the run, to show it stays flat), writes the figures to
 * bench/out/cli.json, and exits 1 when peak RSS reaches the limit (default 200 MB).
 * The generated input and the report are deleted afterwards unless --keep is given.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateToFile } from './gen.js';

export interface Sample {
  /** Milliseconds since the child started. */
  ms: number;
  rssMB: number;
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'bench', 'out');

async function readStatus(pid: number): Promise<{ rssMB: number; hwmMB: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return undefined; // the process has exited
  }
}

/** RSS at the sample nearest to `fraction` of the run. */
function rssAt(samples: readonly Sample[], wallMs: number, fraction: number): number {
  let best: Sample | undefined;
  for (const s of samples) if (!best || Math.abs(s.ms - fraction * wallMs) < Math.abs(best.ms - fraction * wallMs)) best = s;
  return round(best?.rssMB ?? 0);
}

export interface CliRun {
  exitCode: number;
  wallMs: number;
  /**
   * The highest of: the child's own VmHWM, read as it exits (nothing is missed between samples),
   * VmHWM and VmRSS sampled from outside. Worker threads are included: one process.
   */
  peakRssMB: number;
  /** The child's VmHWM at exit (MB); null when it did not report (killed). */
  exitMaxRssMB: number | null;
  /** User + system CPU seconds of the child, all threads (getrusage at exit); null if unknown. */
  cpuSeconds: number | null;
  samples: Sample[];
  stderr: string;
}

/**
 * Loaded into the child before the CLI (`--import`): as the process exits it writes its peak RSS
 * (all threads) and its CPU time to the file named by BENCH_RUSAGE_FILE. The peak is VmHWM of
 * /proc/self/status, the high-water mark of the memory the process has had since it started the
 * program. Not getrusage's maxRSS: Linux can carry that over exec from the process that forked
 * (memory outside V8's heap, such as a Buffer), so a child spawned by a bench holding the 319 MB
 * input in a Buffer reported 330 MB whatever it used itself. maxRSS only where /proc is not there.
 */
const RUSAGE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { readFileSync, writeFileSync } from 'node:fs';" +
    "const file = process.env.BENCH_RUSAGE_FILE;" +
    "const hwmKB = () => { try { return Number(/^VmHWM:\\s+(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return null; } };" +
    "if (file) process.on('exit', () => { const u = process.resourceUsage();" +
    " writeFileSync(file, JSON.stringify({ maxRssKB: hwmKB() ?? u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime })); });",
)}`;

/** Runs `node <cli> ...args`, sampling its RSS from /proc every ~100 ms and reading its rusage at exit. */
export async function measureCli(cli: string, args: readonly string[]): Promise<CliRun> {
  const rusageFile = join(await mkdtemp(join(tmpdir(), 'bench-cli-')), 'rusage.json');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RUSAGE_PRELOAD, cli, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 10_000) stderr += chunk;
  });
  const samples: Sample[] = [];
  let hwmMB = 0;
  let done = false;
  const exited = new Promise<number>((resolveExit) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolveExit(code ?? (signal ? 128 : 1));
    });
  });
  const pid = child.pid;
  const sampling = (async () => {
    while (!done && pid !== undefined) {
      const status = await readStatus(pid);
      if (status) {
        samples.push({ ms: performance.now() - started, rssMB: status.rssMB });
        hwmMB = Math.max(hwmMB, status.hwmMB);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const exitCode = await exited;
  await sampling;
  const wallMs = performance.now() - started;
  const rusage = await readFile(rusageFile, 'utf8').then(
    (text) => JSON.parse(text) as { maxRssKB: number; cpuMicros: number },
    () => null,
  );
  await rm(dirname(rusageFile), { recursive: true, force: true });
  const exitMaxRssMB = rusage === null ? null : rusage.maxRssKB / 1024;
  let peakRssMB = Math.max(hwmMB, exitMaxRssMB ?? 0);
  for (const s of samples) peakRssMB = Math.max(peakRssMB, s.rssMB);
  return { exitCode, wallMs, peakRssMB, exitMaxRssMB, cpuSeconds: rusage === null ? null : rusage.cpuMicros / 1e6, samples, stderr };
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const USAGE = `usage: tsx scripts/bench-cli.ts [--records N] [--seed N] [--format ndjson|csv] [--jobs N|auto]
                                [--as-of YYYY-MM-DD] [--limit-mb N] [--curve] [--keep] [--help]

  --records N      records to generate (default 1000000)
  --seed N         the generator's seed (default 42)
  --format F       the report format (default ndjson)
  --jobs N         passed to check --jobs (default: check's own, 1)
  --as-of DATE     passed to check --as-of
  --limit-mb N     exit 1 when peak RSS reaches it (default 200)
  --curve          print RSS at every 10% of the run
  --keep           keep the generated input and the report in bench/out/
  --help           this text

Build first (npm run build): it runs dist/cli.js.
`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS });
  } catch (error) {
    process.stderr.write(`bench-cli: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  for (const name of ['records', 'seed', 'limit-mb'] as const) {
    if (!/^\d+$/.test(values[name]) || (name !== 'seed' && Number(values[name]) === 0)) {
      process.stderr.write(`bench-cli: --${name} must be ${name === 'seed' ? 'an integer >= 0' : 'a positive integer'} (got '${values[name]}')\n`);
      return 2;
    }
  }
  if (!['ndjson', 'csv'].includes(values.format)) {
    process.stderr.write(`bench-cli: --format must be ndjson or csv (got '${values.format}')\n`);
    return 2;
  }
  return run(values);
}

const OPTIONS = {
  records: { type: 'string', default: '1000000' },
  seed: { type: 'string', default: '42' },
  format: { type: 'string', default: 'ndjson' },
  jobs: { type: 'string' },
  'as-of': { type: 'string' },
  'limit-mb': { type: 'string', default: '200' },
  curve: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

async function run(values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']): Promise<number> {
  const records = Number(values.records);
  const limitMB = Number(values['limit-mb']);
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    process.stderr.write('bench-cli: dist/cli.js not found; run `npm run build` first\n');
    return 2;
  }
  await mkdir(outDir, { recursive: true });
  const input = join(outDir, `cli-records-${records}.ndjson`);
  const report = join(outDir, `cli-report-${records}.${values.format}`);

  process.stderr.write(`bench-cli: generating ${records.toLocaleString('en-US')} records …\n`);
  await generateToFile(input, { records, seed: Number(values.seed), invalidRate: 0.01 });
  const inputBytes = (await stat(input)).size;

  const extra = [...(values.jobs !== undefined ? ['--jobs', values.jobs] : []), ...(values['as-of'] !== undefined ? ['--as-of', values['as-of']] : [])];
  const args = ['check', input, '--format', values.format, ...extra, '--out', report];
  process.stderr.write(`bench-cli: node dist/cli.js ${args.join(' ')}\n`);
  const run = await measureCli(cli, args);
  const { exitCode, samples, wallMs, peakRssMB, stderr, cpuSeconds } = run;
  const reportBytes = existsSync(report) ? (await stat(report)).size : 0;

  const result = {
    records,
    seed: Number(values.seed),
    format: values.format,
    jobs: values.jobs ?? '1',
    inputBytes,
    reportBytes,
    exitCode,
    wallSeconds: round(wallMs / 1000, 2),
    recordsPerSecond: Math.round(records / (wallMs / 1000)),
    cpuSeconds: cpuSeconds === null ? null : round(cpuSeconds, 2),
    peakRssMB: round(peakRssMB),
    limitMB,
    rssCurveMB: { p10: rssAt(samples, wallMs, 0.1), p50: rssAt(samples, wallMs, 0.5), p90: rssAt(samples, wallMs, 0.9) },
    samples: samples.length,
    node: process.version,
    date: new Date().toISOString(),
  };
  await writeFile(join(outDir, 'cli.json'), `${JSON.stringify(result, null, 2)}\n`);

  process.stdout.write(
    [
      `records      ${records.toLocaleString('en-US')} (${(inputBytes / 1e6).toFixed(1)} MB in, ${(reportBytes / 1e6).toFixed(1)} MB out)`,
      `wall time    ${result.wallSeconds} s`,
      `throughput   ${result.recordsPerSecond.toLocaleString('en-US')} records/s (wall)${cpuSeconds === null ? '' : `; CPU ${result.cpuSeconds} s, all threads`}`,
      `peak RSS     ${result.peakRssMB} MB (limit ${limitMB} MB)`,
      `RSS curve    10% ${result.rssCurveMB.p10} MB · 50% ${result.rssCurveMB.p50} MB · 90% ${result.rssCurveMB.p90} MB`,
      `exit code    ${exitCode} (2 expected: the batch has invalid lines on purpose)`,
      `written      bench/out/cli.json`,
      '',
    ].join('\n'),
  );
  if (values.curve) {
    process.stdout.write('RSS over the run:\n');
    for (let tenth = 0; tenth <= 10; tenth += 1) {
      const mb = rssAt(samples, wallMs, tenth / 10);
      process.stdout.write(`  ${String(tenth * 10).padStart(3)}%  ${String(mb).padStart(6)} MB  ${'█'.repeat(Math.round(mb / 5))}\n`);
    }
  }
  if (!values.keep) {
    await rm(input, { force: true });
    await rm(report, { force: true });
  }
  if (![0, 1, 2].includes(exitCode)) {
    process.stderr.write(`bench-cli: the CLI failed (exit ${exitCode}):\n${stderr}\n`);
    return 1;
  }
  if (peakRssMB >= limitMB) {
    process.stderr.write(`bench-cli: peak RSS ${result.peakRssMB} MB ≥ ${limitMB} MB\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench-cli: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
