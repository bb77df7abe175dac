import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { runArticles } from './articles.js';
import { UsageError, type CliIO } from './io.js';

/** Runs the command with fake streams; returns the exit code and what it printed. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const io: CliIO = { stdin: new PassThrough(), stdout, stderr, stdoutIsTTY: false, stderrIsTTY: false, cwd: process.cwd() };
  const code = await runArticles(args, io);
  stdout.end();
  stderr.end();
  return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}

interface ArticleJson {
  city: string;
  law: string;
  number: number;
  label: string;
  chapter: { number: number; label: string; title: string } | null;
  title?: string;
  paragraphs: { number: number; text: string }[];
  text: string;
  sourceText?: string;
  matchingParagraphs?: number[];
  checkIds: string[];
}

describe('shequ-rules articles', () => {
  it('prints Tonghua’s 45 articles as JSON with city, number, label, chapter, paragraphs and text', async () => {
    const { code, stdout } = await run('--city', 'tonghua', '--format', 'json');
    const articles = JSON.parse(stdout) as ArticleJson[];
    expect(code).toBe(0);
    expect(articles).toHaveLength(45);
    expect(articles[7]).toMatchObject({ city: 'tonghua', number: 8, label: '第八条', chapter: { label: '第二章' } });
    expect(articles[7]?.paragraphs).toHaveLength(3);
    expect(articles[7]?.text).toContain('同步交付');
  });

  it('gives Guiyang articles their traditional sourceText in JSON', async () => {
    const articles = JSON.parse((await run('--city', 'guiyang', '-f', 'json')).stdout) as ArticleJson[];
    expect(articles).toHaveLength(47);
    expect(articles.every((article) => article.sourceText !== undefined)).toBe(true);
  });

  it('gives Dalian articles their title in JSON', async () => {
    const [first] = JSON.parse((await run('--city', 'dalian', '--format', 'json')).stdout) as ArticleJson[];
    expect(first?.title).toBe('立法目的');
  });

  it('finds 网格 in all five cities', async () => {
    const articles = JSON.parse((await run('--search', '网格', '--format', 'json')).stdout) as ArticleJson[];
    expect(new Set(articles.map((article) => article.city))).toEqual(new Set(CITY_KEYS));
    expect(articles.every((article) => (article.matchingParagraphs ?? []).length > 0)).toBe(true);
  });

  it('prints a table with label, city and first line, then a count line', async () => {
    const { code, stdout } = await run('--city', 'zhangjiakou');
    const lines = stdout.trimEnd().split('\n');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^article\s+city\s+text$/);
    expect(lines[1]).toMatch(/^（一）\s+zhangjiakou\s+推进社区治理应当坚持党的领导/);
    expect(lines).toHaveLength(1 + 15 + 1);
    expect(lines.at(-1)).toBe('15 articles in 张家口市人民代表大会常务委员会关于推进社区治理的决定');
  });

  it('lists all 191 articles of the five laws by default', async () => {
    const lines = (await run()).stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('191 articles in 5 laws');
  });

  it('keeps table lines within 100 columns of text, marking cuts with …', async () => {
    const { stdout } = await run('--city', 'tonghua');
    const line = stdout.split('\n').find((candidate) => candidate.startsWith('第一条'));
    expect(line?.endsWith('…')).toBe(true);
    expect([...(line ?? '')].length).toBeLessThan(100);
  });

  it('shows the matching line and counts matches when searching', async () => {
    const { stdout } = await run('--city', 'guiyang', '--search', '800平方米');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^第三十七条\s+guiyang\s+.*800平方米/);
    expect(lines.at(-1)).toBe('1 article match "800平方米" in 贵阳市社区工作条例');
  });

  it('prints the per-city summary: title, status and article count', async () => {
    const { stdout } = await run('--summary');
    expect(stdout).toMatch(/tonghua\s+in-force\s+2023-07-01\s+45\s+\d+\s+通化市社区治理促进条例/);
    expect(stdout).toMatch(/shenyang\s+draft\s+—\s+38\s+\d+\s+沈阳市社区建设促进条例（草案）/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('5 laws, 191 articles');
  });

  it('prints the summary as JSON for one city', async () => {
    const laws = JSON.parse((await run('--summary', '--city', 'dalian', '--format', 'json')).stdout) as {
      city: string;
      articleCount: number;
      status: string;
    }[];
    expect(laws).toEqual([expect.objectContaining({ city: 'dalian', articleCount: 46, status: 'draft' })]);
  });

  it('prints help with --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: shequ-rules articles');
  });

  it('rejects an unknown city, naming it and the allowed ones', async () => {
    await expect(run('--city', 'harbin')).rejects.toThrow(UsageError);
    await expect(run('--city', 'harbin')).rejects.toThrow(/'harbin'.*shenyang, dalian, guiyang, tonghua, zhangjiakou/);
  });

  it('rejects an unknown format, naming it and the allowed ones', async () => {
    await expect(run('--format', 'yaml')).rejects.toThrow(/'yaml'.*table, json/);
  });

  it('rejects unknown options, stray arguments and an empty search', async () => {
    await expect(run('--bogus')).rejects.toThrow(UsageError);
    await expect(run('tonghua')).rejects.toThrow(UsageError);
    await expect(run('--search', ' ')).rejects.toThrow(UsageError);
    await expect(run('--summary', '--search', '网格')).rejects.toThrow(UsageError);
  });
});
