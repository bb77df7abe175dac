import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { excerptMismatch, fencedBlocks, shownCommands } from './readmeExcerpt.js';

// The README's sample outputs, run for real with the built bin: an auditor who types a command
// from the README sees what the README shows (excerpts: `…` marks what is left out).
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');
const execFileAsync = promisify(execFile);
const README = readFileSync(join(root, 'README.md'), 'utf8');

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  // LANG=C: English unless the command says --lang; the table is what a terminal gets by default.
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };
  const onTerminal = (args[0] === 'check' || args[0] === 'diff') && !args.includes('--format') ? ['--format', 'table'] : [];
  try {
    const { stdout } = await execFileAsync(process.execPath, [cli, ...args, ...onTerminal], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

const commands = fencedBlocks(README, 'text').flatMap(({ line, text }) => shownCommands(text).map((command) => ({ line, ...command })));

describe('README sample outputs', () => {
  it('shows at least the articles, table and diff samples', () => {
    expect(commands.map((c) => c.args.slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['articles --city', 'articles --summary', 'check fixtures/batch.ndjson', 'diff fixtures/batch.ndjson']),
    );
  });

  it.each(commands.map((c) => [`line ${c.line}: shequ-rules ${c.args.join(' ')}`, c] as const))('%s prints what the README shows', async (_name, { args, shown }) => {
    const { stdout } = await run(args);
    expect(excerptMismatch(shown, stdout)).toBeNull();
  });

  it('shows real lines of the csv report of fixtures/batch.ndjson', async () => {
    const [block] = fencedBlocks(README, 'csv');
    const { stdout } = await run(['check', 'fixtures/batch.ndjson', '--format', 'csv']);
    expect(excerptMismatch(block!.text, stdout.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'))).toBeNull();
  });

  it('shows real lines of the junit report of fixtures/batch.ndjson', async () => {
    const [block] = fencedBlocks(README, 'xml');
    const { stdout } = await run(['check', 'fixtures/batch.ndjson', '--format', 'junit']);
    expect(excerptMismatch(block!.text, stdout)).toBeNull();
  });

  it('shows the real json summary of fixtures/batch.ndjson (its line breaks added for reading)', async () => {
    const block = fencedBlocks(README, 'json').find((b) => b.text.startsWith('"summary":'));
    const { stdout } = await run(['check', 'fixtures/batch.ndjson', '--format', 'json']);
    const summary = stdout.slice(stdout.indexOf('"summary":')).trimEnd().replace(/}$/, '');
    // ", …" reads better than ",…" in the README; the output has no spaces.
    expect(excerptMismatch(block!.text.replace(/\n\s*/g, '').replace(/, …/g, '…'), summary)).toBeNull();
  });

  it('shows the real ndjson result of fixtures/batch.ndjson line 7', async () => {
    const block = fencedBlocks(README, 'json').find((b) => b.text.startsWith('{"line":7,'));
    const { stdout } = await run(['check', 'fixtures/batch.ndjson', '--format', 'ndjson']);
    const line7 = stdout.split('\n').find((line) => line.startsWith('{"line":7,'));
    expect(JSON.parse(line7!)).toMatchObject(JSON.parse(block!.text) as object);
  });
});

describe('excerptMismatch', () => {
  const output = 'a\nb 620\nc\nd\ne\n';

  it('accepts an excerpt whose runs are in the output, contiguous and in order, … standing for the rest', () => {
    expect(excerptMismatch('b 620\nc\n…\ne', output)).toBeNull();
    expect(excerptMismatch('b …\n…\nd', output)).toBeNull();
  });

  it('names the line that differs, a run broken by a left-out line, and runs out of order', () => {
    expect(excerptMismatch('b 610\nc', output)).toBe('not in the output: b 610');
    expect(excerptMismatch('b 620\nd', output)).toBe('README: d\noutput: c');
    expect(excerptMismatch('d\n…\nb 620', output)).toBe('not in the output: b 620');
  });
});
