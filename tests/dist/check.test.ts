import { parseCsv } from '../../src/cli/check/testing.js';
/**
 * `shequ-rules check` end to end, against the BUILT bin (`node dist/cli.js check …`), as an
 * auditor runs it: fixtures/batch.ndjson and small temporary batches.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');
const fixture = join(root, 'fixtures', 'batch.ndjson');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function check(args: string[], options: { stdin?: string | Buffer; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'check', ...args], { cwd: options.cwd ?? root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading stdin (usage errors)
    child.stdin.end(options.stdin ?? '');
  });
}

interface Result {
  file?: string;
  line: number;
  index?: number;
  recordId: string | null;
  valid?: boolean;
  skipped?: true;
  errors?: { path: string; message: string }[];
  findings: { ruleId: string; status: string; severity: string; binding: boolean }[];
}

function ndjson(text: string): Result[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Result);
}


/** Tags balance and attribute values are quoted; no stray markup in text. */
function expectWellFormedXml(text: string): void {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match !== null; match = tag.exec(body)) {
    expect(body.slice(last, match.index)).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    last = tag.lastIndex;
    const [, closing, name = '', , selfClosing] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(body.slice(last).trim()).toBe('');
}

const line = (record: object): string => JSON.stringify(record);
const passing = line({ id: 'ZJK-R-1', city: 'zhangjiakou', kind: 'orgRegistration', asOf: '2024-04-02', facts: { eligible: true, visits: 1 } });
const violation = line({ id: 'ZJK-R-2', city: 'zhangjiakou', kind: 'orgRegistration', asOf: '2024-04-02', facts: { eligible: true, visits: 3 } });
const warning = line({ id: 'ZJK-C-1', city: 'zhangjiakou', kind: 'community', asOf: '2024-03-01', facts: { gridLevels: ['community', 'compound', 'building'] } });
const invalid = line({ id: 'ZJK-R-3', city: 'zhangjiakou', kind: 'orgRegistration', asOf: '2024-04-02', facts: { visits: -1 } });

let dir: string;
let fixtureText: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-check-dist-'));
  fixtureText = await readFile(fixture, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function batch(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('dist/cli.js check on fixtures/batch.ndjson', () => {
  it('gives one result per non-blank line, in order, and exits 2 (the batch has broken lines)', async () => {
    const { code, stdout } = await check([fixture, '--format', 'ndjson']);
    const nonBlank = fixtureText.split('\n').filter((l) => l.trim() !== '');
    const results = ndjson(stdout);
    expect(code).toBe(2);
    expect(results).toHaveLength(nonBlank.length);
    const lines = results.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(results.filter((r) => r.valid === false).length).toBeGreaterThanOrEqual(4);
    expect(results.find((r) => r.valid === false && r.recordId === null)?.errors?.[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('gives the same report from stdin as from the file', async () => {
    for (const format of ['ndjson', 'json']) {
      const fromFile = await check([fixture, '--format', format]);
      const fromStdin = await check(['-', '--format', format], { stdin: fixtureText });
      const implicitStdin = await check(['--format', format], { stdin: fixtureText });
      expect(fromStdin.code).toBe(fromFile.code);
      expect(fromStdin.stdout).toBe(fromFile.stdout);
      expect(implicitStdin.stdout).toBe(fromFile.stdout);
    }
    // csv names its one input in the file column: the file's path, or <stdin>
    const withoutFile = (text: string): string[][] => parseCsv(text.slice(1)).map((row) => row.slice(1));
    const csvFile = await check([fixture, '--format', 'csv']);
    const csvStdin = await check(['-', '--format', 'csv'], { stdin: fixtureText });
    expect(withoutFile(csvStdin.stdout)).toEqual(withoutFile(csvFile.stdout));
    expect(parseCsv(csvStdin.stdout.slice(1))[1]?.[0]).toBe('<stdin>');
  });

  it('writes a json document with results and a summary', async () => {
    const { stdout } = await check([fixture, '--format', 'json']);
    const doc = JSON.parse(stdout) as { results: Result[]; summary: { records: number; invalid: number; exitCode: number } };
    expect(doc.results.length).toBe(doc.summary.records);
    expect(doc.summary.exitCode).toBe(2);
    expect(doc.summary.invalid).toBeGreaterThanOrEqual(4);
  });

  it('writes csv with a BOM, a header and one row per finding or finding-less record', async () => {
    const { stdout } = await check([fixture, '--format', 'csv']);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(stdout.slice(1));
    expect(header).toEqual(['file', 'line', 'record_id', 'city', 'kind', 'check_id', 'status', 'severity', 'binding', 'citation', 'expected', 'actual', 'message_zh']);
    const results = ndjson((await check([fixture, '--format', 'ndjson'])).stdout);
    const expectedRows = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
    expect(rows).toHaveLength(expectedRows);
    expect(rows.every((r) => r.length === header?.length)).toBe(true);
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['pass', 'fail', 'unknown', 'not-applicable', 'invalid', 'no-checks']));
  });

  it('writes well-formed junit with one suite per city', async () => {
    const { stdout } = await check([fixture, '--format', 'junit']);
    expectWellFormedXml(stdout);
    const suites = [...stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites).toEqual(expect.arrayContaining(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou']));
    expect(stdout).toMatch(/<failure message="[^"]+" type="violation">/);
  });

  it('prints a table with a summary when asked', async () => {
    const { stdout } = await check([fixture, '--format', 'table']);
    expect(stdout).toMatch(/Records {3}\d+ read · \d+ valid · \d+ invalid/);
    expect(stdout).toMatch(/Exit code 2/);
  });
});

describe('dist/cli.js check exit codes', () => {
  it('exits 0 when nothing fails, 1 when a violation fails, 2 when a record is invalid', async () => {
    expect((await check([await batch('pass.ndjson', `${passing}\n`)])).code).toBe(0);
    expect((await check([await batch('violation.ndjson', `${passing}\n${violation}\n`)])).code).toBe(1);
    expect((await check([await batch('invalid.ndjson', `${passing}\n${invalid}\n`)])).code).toBe(2);
  });

  it('follows --fail-on', async () => {
    const warnings = await batch('warning.ndjson', `${warning}\n`);
    expect((await check([warnings])).code).toBe(0);
    expect((await check([warnings, '--fail-on', 'warning'])).code).toBe(1);
    const violations = await batch('violation2.ndjson', `${violation}\n`);
    expect((await check([violations, '--fail-on', 'never'])).code).toBe(0);
  });

  it('exits 2 with a message naming the option for bad arguments', async () => {
    const format = await check([fixture, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of table, ndjson, json, csv, junit/);
    const asOf = await check([fixture, '--as-of', '2023-02-29']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toMatch(/--as-of/);
  });

  it('reports an unreadable file, still checks the others, and exits 2', async () => {
    const ok = await batch('ok.ndjson', `${passing}\n`);
    const { code, stdout, stderr } = await check([ok, join(dir, 'missing.ndjson')]);
    expect(code).toBe(2);
    const results = ndjson(stdout);
    expect(results.map((r) => r.recordId)).toEqual(['ZJK-R-1', null]);
    expect(stderr).toMatch(/cannot read .*missing\.ndjson: no such file/);
  });

  it('shows help with an example and the exit codes', async () => {
    const { code, stdout } = await check(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Examples:/);
    expect(stdout).toMatch(/Exit codes:/);
  });
});

describe('dist/cli.js check inputs and output', () => {
  it('reports a truncated last line as not valid JSON and keeps the lines before it', async () => {
    const cut = violation.slice(0, 30);
    const { code, stdout } = await check([await batch('cut.ndjson', `${passing}\n\n${violation}\n${cut}`)]);
    const results = ndjson(stdout);
    expect(code).toBe(2);
    expect(results.map((r) => [r.line, r.valid])).toEqual([
      [1, true],
      [3, true],
      [4, false],
    ]);
    expect(results[2]?.errors?.[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('reads gzip, CRLF with a BOM, and JSON arrays', async () => {
    const gz = await batch('records.gz', gzipSync(`${passing}\n${violation}\n`));
    expect(ndjson((await check([gz])).stdout).map((r) => r.recordId)).toEqual(['ZJK-R-1', 'ZJK-R-2']);
    const crlf = await batch('crlf.ndjson', `\uFEFF${passing}\r\n${violation}\r\n`);
    expect(ndjson((await check([crlf])).stdout).map((r) => r.line)).toEqual([1, 2]);
    const array = await batch('array.json', `[\n  ${passing},\n  ${violation}\n]\n`);
    expect(ndjson((await check([array])).stdout).map((r) => [r.line, r.index])).toEqual([
      [2, 0],
      [3, 1],
    ]);
  });

  it('writes --out whole and leaves no temporary file', async () => {
    const outDir = await mkdtemp(join(dir, 'out-'));
    const { code, stdout } = await check([fixture, '--format', 'csv', '--out', 'report.csv'], { cwd: outDir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(await readdir(outDir)).toEqual(['report.csv']);
    expect((await readFile(join(outDir, 'report.csv'), 'utf8')).startsWith('\uFEFFfile,line,')).toBe(true);
  });

  it('marks records of other cities as skipped with --city and counts them', async () => {
    const { stdout } = await check([fixture, '--city', 'guiyang', '--format', 'json']);
    const doc = JSON.parse(stdout) as { results: Result[]; summary: { skipped: number; city: string } };
    const skipped = doc.results.filter((r) => r.skipped === true);
    expect(skipped.length).toBe(doc.summary.skipped);
    expect(skipped.length).toBeGreaterThan(30);
    expect(doc.summary.city).toBe('guiyang');
  });

  it('on Ctrl-C (SIGINT) exits 130 and leaves neither report nor temporary file', async () => {
    const outDir = await mkdtemp(join(dir, 'sigint-'));
    const child = spawn(process.execPath, [cli, 'check', '-', '--format', 'junit', '--out', 'report.xml'], { cwd: outDir, stdio: ['pipe', 'ignore', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.write(`${passing}\n${violation}\n`); // stdin stays open: the run waits for more
    // The temporary report appears once the SIGINT handler is in place: interrupt then.
    for (let i = 0; i < 1200 && (await readdir(outDir)).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await readdir(outDir))[0]).toMatch(/^\.report\.xml\..*\.tmp$/);
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(await readdir(outDir)).toEqual([]);
  });
});
