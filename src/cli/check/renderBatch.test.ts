import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLines } from '../../../scripts/gen.js';
import { createEvaluator } from '../../evaluate.js';
import type { Evaluator } from './batch.js';
import { runCheckWith } from './run.js';
import { testIO } from './testing.js';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-batches-'));
  const lines = [...generateLines({ records: 2600, seed: 5, invalidRate: 0.05 })];
  // Blank lines, CRLF and a last line without a line end, across batch boundaries.
  lines.splice(999, 0, '', '   ');
  const ndjson = join(dir, 'a.ndjson');
  await writeFile(ndjson, lines.map((l, i) => (i % 7 === 0 ? `${l}\r` : l)).join('\n'));
  const array = join(dir, 'b.json');
  await writeFile(array, `[\n${lines.slice(0, 20).filter((l) => l.trim() !== '').map((l) => (l.startsWith('{') && l.endsWith('}') ? l : '{}')).join(',\n')}\n]\n`);
  files = [ndjson, array, join(dir, 'missing.ndjson')];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The package's evaluator, and the same seen only through its asynchronous `evaluate`. */
const sync = (options: object): Evaluator => createEvaluator(options);
const asyncOnly = (options: object): Evaluator => {
  const evaluator = createEvaluator(options);
  return { evaluate: (record) => evaluator.evaluate(record) };
};

async function run(args: string[], createEvaluator: (options: object) => Evaluator) {
  const io = testIO();
  const code = await runCheckWith(args, io, { createEvaluator });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('check in line batches (ndjson, csv)', () => {
  it.each([
    [['--format', 'ndjson']],
    [['--format', 'csv']],
    [['--format', 'ndjson', '--city', 'dalian']],
    [['--format', 'csv', '--fail-on', 'warning']],
  ])('writes the bytes and exit code of the record-by-record path (%j)', async (options) => {
    const args = [...files, ...options, '--as-of', '2024-01-01'];
    const batched = await run(args, sync);
    const oneByOne = await run(args, asyncOnly);
    expect(batched.stdout.length).toBeGreaterThan(10_000);
    expect(batched.stdout).toBe(oneByOne.stdout);
    expect(batched.stderr).toBe(oneByOne.stderr);
    expect(batched.code).toBe(oneByOne.code);
  });

  it('numbers lines as the file has them across batches (blank lines kept in the count)', async () => {
    const { stdout } = await run([files[0]!, '--format', 'ndjson'], sync);
    const lines = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line);
    expect(lines.slice(998, 1001)).toEqual([999, 1002, 1003]);
    expect(lines.at(-1)).toBe(2602);
  });

  it('with --jobs 2 builds no evaluator on the main thread for NDJSON (the workers do), one for a JSON array', async () => {
    // Arrange
    let built = 0;
    const counting = (options: object): Evaluator => {
      built += 1;
      return createEvaluator(options);
    };
    const threaded = async (args: string[]) => {
      const io = testIO();
      const code = await runCheckWith([...args, '--jobs', '2', '--as-of', '2024-01-01'], io, { createEvaluator: counting, threads: true });
      return { code, stdout: io.stdout.text };
    };
    // Act
    const ndjson = await threaded([files[0]!, '--format', 'ndjson']);
    const builtForNdjson = built;
    const array = await threaded([files[1]!, '--format', 'csv']);
    // Assert
    expect(builtForNdjson).toBe(0);
    expect(built).toBe(1);
    expect(ndjson).toEqual(await run([files[0]!, '--format', 'ndjson', '--as-of', '2024-01-01'], sync).then(({ code, stdout }) => ({ code, stdout })));
    expect(array).toEqual(await run([files[1]!, '--format', 'csv', '--as-of', '2024-01-01'], sync).then(({ code, stdout }) => ({ code, stdout })));
  }, 120_000);
});
