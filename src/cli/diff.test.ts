/**
 * `diff`'s error lines follow --lang (else the locale) as check's file errors do: an auditor who
 * asked for Chinese got `shequ-rules diff: cannot read …: no such file` in English.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { itSaysMistakesInTheLanguageAskedFor, runCommand, type Mistake } from './testing.js';

let dir = '';
const result = JSON.stringify({ line: 1, recordId: 'A', city: 'shenyang', kind: 'community', valid: true, findings: [] });
const recordLine = JSON.stringify({ id: 'A', city: 'shenyang', kind: 'community', facts: {} });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-diff-lang-'));
  await writeFile(join(dir, 'r.ndjson'), `${result}\n`);
  await writeFile(join(dir, 'records.ndjson'), `${recordLine}\n`);
  await writeFile(join(dir, 'not-json.ndjson'), `${result}\nnot json\n`);
  const corrupt = Buffer.from(gzipSync(`${result}\n`.repeat(50)));
  corrupt[10] = 0xff; // the first deflate block: block type 3, which does not exist
  await writeFile(join(dir, 'corrupt.gz'), corrupt);
  await mkdir(join(dir, 'a-dir'), { recursive: true });
});

/** `shequ-rules diff ARGS`: exit code and stderr, with the locale `env` gives. */
const diff = (args: string[], env: Record<string, string> = {}) => runCommand('diff', args, { env, cwd: dir });

/** Each way to get diff wrong, and a word its Chinese line must keep (a name, a value). */
const MISTAKES: readonly Mistake[] = [
  ['a missing file', ['nope.ndjson', 'r.ndjson'], 'nope.ndjson'],
  ['a directory', ['a-dir', 'r.ndjson'], 'a-dir'],
  ['a line that is not JSON', ['not-json.ndjson', 'r.ndjson'], 'not-json.ndjson'],
  ['a record file without --check', ['records.ndjson', 'r.ndjson'], 'records.ndjson'],
  ['corrupt gzip data', ['corrupt.gz', 'r.ndjson'], 'corrupt.gz'],
  ['--check on a missing file', ['--check', 'nope.ndjson', 'records.ndjson'], 'nope.ndjson'],
  ['one file', ['r.ndjson'], 'shequ-rules diff --help'],
  ['an unknown option', ['r.ndjson', 'r.ndjson', '--colour'], '--colour'],
  ['an option without its value', ['r.ndjson', 'r.ndjson', '--format'], '--format'],
  ['an unknown format', ['r.ndjson', 'r.ndjson', '--format', 'xml'], 'xml'],
  ['a date that does not exist', ['r.ndjson', 'r.ndjson', '--check', '--as-of', '2024-02-30'], '2024-02-30'],
  ['--out naming an input', ['r.ndjson', 'r.ndjson', '--out', 'r.ndjson'], 'r.ndjson'],
  ['--out in a missing directory', ['r.ndjson', 'r.ndjson', '--out', 'no-dir/out.ndjson'], 'no-dir/out.ndjson'],
];

describe('diff in the language asked for', () => {
  itSaysMistakesInTheLanguageAskedFor('diff', MISTAKES, () => dir);

  it('says a missing file as check says it, and in Chinese as check says it', async () => {
    expect((await diff(['nope.ndjson', 'r.ndjson'])).stderr).toBe('shequ-rules diff: cannot read nope.ndjson: no such file (ENOENT)\n');
    expect((await diff(['nope.ndjson', 'r.ndjson', '--lang', 'zh'])).stderr).toBe('shequ-rules diff：无法读取 nope.ndjson：文件不存在（ENOENT）\n');
  });

  it('names an option whose value is missing at the end as it is written, not as Node lists it', async () => {
    // Node says `Option '-f, --format <value>' argument missing`.
    expect((await diff(['r.ndjson', 'r.ndjson', '--format'], { LANG: 'zh_CN.UTF-8' })).stderr).toBe('shequ-rules diff：选项 --format 缺少取值（见：shequ-rules diff --help）\n');
  });

  it('refuses a --lang it does not know in the locale language', async () => {
    expect((await diff(['r.ndjson', 'r.ndjson', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).stderr).toMatch(/^shequ-rules diff：--lang 只能是 zh 或 en（收到 'fr'）/);
    expect((await diff(['r.ndjson', 'r.ndjson', '--lang', 'fr'])).stderr).toBe("shequ-rules diff: --lang must be one of zh, en (got 'fr')\n");
  });
});
