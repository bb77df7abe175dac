/**
 * Hostile inputs against the BUILT CLI (run `npm run build` first, or `npm run bench:input`):
 *
 *   npm run bench:input
 *   npm run bench:input -- --max-seconds 20 --max-rss-mb 300
 *
 * Four inputs, each streamed to `node dist/cli.js check - --format ndjson` on standard input,
 * generated on the fly (nothing written to disk):
 *   - one 100 MB line (a record with a 100 MB string): reported invalid (--max-line-bytes), not held;
 *   - 100 MB of blank lines: skipped in one pass;
 *   - 10 GB of zeros as gzip (10,240 members of 1 MiB of zeros, ~10 MB compressed): stopped by the
 *     decompression guard (--max-gzip-ratio) instead of hours of work;
 *   - a JSON array of 200,000 valid records with 10 of them cut short (issue #9): must give
 *     199,990 valid results and 10 invalid ones.
 * Prints wall time, peak RSS (VmHWM from /proc/<pid>/status), the exit code and the valid and
 * invalid results of each; writes bench/out/input.json; exits 1 when a run peaks above
 * --max-rss-mb, one of the first three is slower than --max-seconds (the array's 200,000
 * evaluations are timed, not limited: on a shared machine they are the load's), or the array
 * gives other counts than it must.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MiB = 1024 * 1024;

export interface InputBenchResult {
  name: string;
  inputBytes: number;
  wallSeconds: number;
  peakRssMB: number;
  exitCode: number | null;
  results: number;
  /** Results with "valid": true / false. */
  valid: number;
  invalid: number;
  /** What the counts must be, when the case says. */
  expected?: { valid: number; invalid: number };
  stderr: string;
}

interface InputCase {
  name: string;
  expected?: { valid: number; invalid: number };
  /** Whether --max-seconds applies (the hostile inputs); false for a case about counts. */
  timeLimited?: false;
  /** Yields the input in chunks; stops early when the CLI closes its standard input. */
  chunks(): Generator<Buffer>;
}

const CASES: InputCase[] = [
  {
    name: '100 MB single line',
    *chunks() {
      yield Buffer.from('{"id":"LONG","city":"shenyang","kind":"community","pad":"');
      const block = Buffer.alloc(MiB, 'x');
      for (let i = 0; i < 100; i += 1) yield block;
      yield Buffer.from('"}\n{"id":"AFTER","city":"shenyang","kind":"community"}\n');
    },
  },
  {
    name: '100 MB of blank lines',
    *chunks() {
      const block = Buffer.alloc(MiB, '\n');
      for (let i = 0; i < 100; i += 1) yield block;
      yield Buffer.from('{"id":"AFTER","city":"shenyang","kind":"community"}\n');
    },
  },
  {
    name: '10 GB of zeros, gzip',
    *chunks() {
      const member = gzipSync(Buffer.alloc(MiB));
      for (let i = 0; i < 10 * 1024; i += 1) yield member;
    },
  },
  {
    name: '200k array, 10 cut',
    expected: { valid: 199_990, invalid: 10 },
    timeLimited: false,
    *chunks() {
      // Zhangjiakou grid records: valid, and no check applies (a small report). Cut ones end
      // anywhere from inside the id to inside the facts, some in the middle of a string.
      const cut = new Set([3, 152, 20_000, 50_001, 77_777, 100_000, 123_456, 150_000, 180_000, 199_998]);
      const count = 200_000;
      let block: string[] = ['[\n'];
      for (let i = 0; i < count; i += 1) {
        const text = `{"id":"R-${i}","city":"zhangjiakou","kind":"grid","asOf":"2024-03-01","facts":{}}`;
        block.push(cut.has(i) ? text.slice(0, 8 + (i % 60)) : text, i < count - 1 ? ',\n' : '\n]\n');
        if (block.length >= 2000) {
          yield Buffer.from(block.join(''));
          block = [];
        }
      }
      yield Buffer.from(block.join(''));
    },
  },
];

async function peakRss(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return undefined;
  }
}

async function runCase(cli: string, input: InputCase): Promise<InputBenchResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'check', '-', '--format', 'ndjson'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let results = 0;
  let valid = 0;
  let invalid = 0;
  // The first bytes of the result line being read: its "valid" comes before findings and errors.
  let head = '';
  let stderr = '';
  let peak = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    let from = 0;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, from)) {
      if (head.length < 300) head += chunk.toString('latin1', from, Math.min(at, from + 300));
      results += 1;
      const said = /"valid":(true|false)/.exec(head)?.[1];
      if (said === 'true') valid += 1;
      else if (said === 'false') invalid += 1;
      head = '';
      from = at + 1;
    }
    if (head.length < 300) head += chunk.toString('latin1', from, Math.min(chunk.length, from + 300));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const poll = setInterval(() => {
    void peakRss(child.pid as number).then((mb) => {
      if (mb !== undefined) peak = Math.max(peak, mb);
    });
  }, 50);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let inputBytes = 0;
  let open = true;
  child.stdin.on('error', () => {
    open = false; // the CLI stopped reading (a bomb stopped early): stop writing
  });
  child.stdin.on('close', () => {
    open = false;
  });
  for (const chunk of input.chunks()) {
    if (!open) break;
    inputBytes += chunk.length;
    if (!child.stdin.write(chunk)) {
      await new Promise<void>((done) => {
        const finish = (): void => {
          child.stdin.off('drain', finish);
          child.stdin.off('close', finish);
          done();
        };
        child.stdin.on('drain', finish);
        child.stdin.on('close', finish);
      });
    }
  }
  if (open) child.stdin.end();
  // The last VmHWM before exit: poll until the process is gone.
  const exitCode = await exited;
  clearInterval(poll);
  return {
    name: input.name,
    inputBytes,
    wallSeconds: Math.round((performance.now() - started) / 10) / 100,
    peakRssMB: Math.round(peak),
    exitCode,
    results,
    valid,
    invalid,
    ...(input.expected !== undefined ? { expected: input.expected } : {}),
    stderr: stderr.trim().split('\n').slice(-1)[0] ?? '',
  };
}

/** Runs the three inputs; used alone (`npm run bench:input`) or as a section of `npm run bench`. */
export async function benchInput(): Promise<InputBenchResult[]> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js not found: run `npm run build` first');
  const out: InputBenchResult[] = [];
  for (const input of CASES) out.push(await runCase(cli, input));
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'max-seconds': { type: 'string', default: '30' }, 'max-rss-mb': { type: 'string', default: '300' } } });
  const maxSeconds = Number(values['max-seconds']);
  const maxRss = Number(values['max-rss-mb']);
  const results = await benchInput();
  console.log('hostile input                 wall s   peak RSS MB   exit  results    valid  invalid  input MB   last stderr line');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(28)} ${String(r.wallSeconds).padStart(7)}   ${String(r.peakRssMB).padStart(11)}   ${String(r.exitCode).padStart(4)}  ${String(r.results).padStart(7)}  ${String(r.valid).padStart(7)}  ${String(r.invalid).padStart(7)}  ${String(Math.round(r.inputBytes / MiB)).padStart(8)}   ${r.stderr.slice(0, 120)}`,
    );
  }
  await mkdir(join(root, 'bench', 'out'), { recursive: true });
  await writeFile(join(root, 'bench', 'out', 'input.json'), `${JSON.stringify({ maxSeconds, maxRssMB: maxRss, results }, null, 2)}\n`);
  const timed = new Set(CASES.filter((c) => c.timeLimited !== false).map((c) => c.name));
  const bad = results.filter((r) => (timed.has(r.name) && r.wallSeconds > maxSeconds) || r.peakRssMB >= maxRss);
  if (bad.length > 0) {
    console.error(`over the limits (${maxSeconds} s, ${maxRss} MB): ${bad.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
  const wrong = results.filter((r) => r.expected !== undefined && (r.valid !== r.expected.valid || r.invalid !== r.expected.invalid));
  for (const r of wrong) {
    console.error(`${r.name}: ${r.valid} valid and ${r.invalid} invalid results, expected ${r.expected?.valid} and ${r.expected?.invalid}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
