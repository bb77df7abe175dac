import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { getArticle } from '../catalogue/getArticle.js';
import { summarizeLaws } from '../catalogue/laws.js';
import { highlight, parseArticleRef, runArticles } from './articles.js';
import { displayWidth } from './check/width.js';
import { UsageError, type CliIO } from './io.js';
import { itSaysMistakesInTheLanguageAskedFor, runCommand, type Mistake } from './testing.js';

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
    expect(lines.at(-1)).toBe('1 article matches "800平方米" in 贵阳市社区工作条例');
  });

  it('prints the per-city summary: title, status, provisions, provisions with checks and checks', async () => {
    const { stdout } = await run('--summary');
    const laws = summarizeLaws();
    const tonghua = laws.find((law) => law.city === 'tonghua')!;
    expect(stdout).toMatch(/^city\s+status\s+in force\s+provisions\s+with checks\s+checks\s+title$/m);
    expect(stdout).toMatch(new RegExp(`tonghua\\s+in-force\\s+2023-07-01\\s+45\\s+${tonghua.checkedArticleCount}\\s+${tonghua.checkCount}\\s+通化市社区治理促进条例`));
    expect(stdout).toMatch(/shenyang\s+draft\s+—\s+38\s+\d+\s+\d+\s+沈阳市社区建设促进条例（草案）/);
    const checked = laws.reduce((n, law) => n + law.checkedArticleCount, 0);
    const checks = laws.reduce((n, law) => n + law.checkCount, 0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`5 laws, 191 provisions, ${checked} with checks, ${checks} checks`);
  });

  it('reads an article in full with --article: chapter, paragraphs, checks in words, liability', async () => {
    const { code, stdout } = await run('--city', 'tonghua', '--article', '第十八条', '--lang', 'zh');
    expect(code).toBe(0);
    expect(stdout).toContain('第三章');
    expect(stdout).toMatch(/第二款 {2}/);
    expect(stdout).toContain('tonghua.18.3.task-lists');
    expect(stdout).toMatch(/适用条件：交办单位为/);
    expect(stdout).toMatch(/法律责任：第四十一条/);
  });

  it('accepts 8, 第八条, 8.2, 第八条第二款 and （三） as the same kinds of reference', () => {
    expect(parseArticleRef('8')).toEqual({ article: 8 });
    expect(parseArticleRef('第八条')).toEqual({ article: 8 });
    expect(parseArticleRef('8.2')).toEqual({ article: 8, paragraph: 2 });
    expect(parseArticleRef('第三十四条第二款')).toEqual({ article: 34, paragraph: 2 });
    expect(parseArticleRef('（三）')).toEqual({ article: 3 });
    expect(parseArticleRef('(十五)第一款')).toEqual({ article: 15, paragraph: 1 });
    expect(parseArticleRef('eight')).toBeUndefined();
    expect(parseArticleRef('0')).toBeUndefined();
  });

  it('shows only the named paragraph and its checks for 8.2, in JSON with conditions in words', async () => {
    const [article] = JSON.parse((await run('--city', 'shenyang', '--article', '10.2', '--format', 'json', '--lang', 'en')).stdout) as Array<{
      paragraph: number;
      checks: Array<{ id: string; appliesWhen: string; passesWhen: string }>;
    }>;
    expect(article?.paragraph).toBe(2);
    expect(article?.checks.map((c) => c.id)).toEqual(['shenyang.10.2.party-station-area']);
    expect(article?.checks[0]?.passesWhen).toMatch(/station area/);
  });

  it('rejects an article that is not in the law, and a reference it cannot read', async () => {
    await expect(run('--city', 'zhangjiakou', '--article', '16')).rejects.toThrow(/no article 16 in \S+$/);
    await expect(run('--city', 'tonghua', '--article', '8.9')).rejects.toThrow(/^no article 8\.9 in 通化市社区治理促进条例 \(paragraphs: 第八条 has 3\)$/);
    await expect(run('--article', '第四十七条第五款')).rejects.toThrow(/^no article 47\.5 in 5 laws \(paragraphs: guiyang 第四十七条 has 1\)$/);
    await expect(run('--article', 'eighth')).rejects.toThrow(/cannot read 'eighth'/);
  });

  it('finds an article by its label (第八条), not only by its text', async () => {
    const list = JSON.parse((await run('--search', '第八条', '--format', 'json')).stdout) as ArticleJson[];
    expect(list.filter((a) => a.label === '第八条').map((a) => a.city)).toEqual(['shenyang', 'dalian', 'guiyang', 'tonghua']);
  });

  it('finds an article by the label of a fact its checks read', async () => {
    const list = JSON.parse((await run('--search', '网格员人数', '--format', 'json')).stdout) as ArticleJson[];
    expect(list.some((a) => a.checkIds.includes('dalian.18.2.grid-workers'))).toBe(true);
  });

  it('highlights hits on a terminal only', () => {
    expect(highlight('应当同步交付', '同步')).toBe('应当\u001b[7m同步\u001b[27m交付');
  });

  it('prints whole articles, wrapped, with --full', async () => {
    const { stdout } = await run('--city', 'guiyang', '--full');
    const article37 = getArticle('guiyang', 37)!;
    expect(stdout.replace(/\s+/g, '')).toContain(article37.text.replace(/\s+/g, ''));
    expect(stdout.split('\n').every((line) => displayWidth(line) <= 100)).toBe(true);
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

  it('refuses --full with --summary, saying why (the summary lists laws; --full was ignored)', async () => {
    for (const args of [['--summary', '--full'], ['--full', '--summary', '--city', 'dalian', '--format', 'json']]) {
      const error = await run(...args).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe('--summary lists laws, not articles; --full (the whole text of each article) cannot be combined with it');
    }
    // Each alone still works.
    await expect(run('--summary')).resolves.toMatchObject({ stdout: expect.stringContaining('dalian') });
    await expect(run('--full', '--city', 'dalian')).resolves.toMatchObject({ stdout: expect.any(String) });
  });
});

/**
 * articles' usage errors follow --lang, else the locale, as diff's do: `articles --lang zh --city
 * nowhere` said `unknown city 'nowhere'; expected one of …` in English.
 */
describe('articles’ usage errors in the language asked for', () => {
  /** `shequ-rules articles ARGS`: exit code and stderr, with the locale `env` gives. */
  const articles = (args: string[], env: Record<string, string> = {}) => runCommand('articles', args, { env });

  /** Each way to get articles wrong, and a word its Chinese line must keep (an option, a value). */
  const MISTAKES: readonly Mistake[] = [
    ['an unknown option', ['--bogus'], '--bogus'],
    ['a stray argument', ['tonghua'], "'tonghua'"],
    ['an option without its value', ['--city'], '--city'],
    ['an unknown city', ['--city', 'nowhere'], 'nowhere'],
    ['an unknown format', ['--format', 'yaml'], 'yaml'],
    ['an empty search', ['--search', ' '], '--search'],
    ['--summary with --search', ['--summary', '--search', '网格'], '--summary'],
    ['--summary with --full', ['--summary', '--full'], '--full'],
    ['a reference it cannot read', ['--article', 'eighth'], 'eighth'],
    ['--article with --summary', ['--article', '8', '--summary'], '--article'],
    ['an article the law does not have', ['--city', 'zhangjiakou', '--article', '16'], '16'],
    ['a paragraph the articles do not have', ['--article', '第四十七条第五款'], '47.5'],
  ];

  itSaysMistakesInTheLanguageAskedFor('articles', MISTAKES);

  it('words them as diff does: （收到 …）, （见：…）', async () => {
    expect((await articles(['--lang', 'zh', '--city', 'nowhere'])).stderr).toBe(
      "shequ-rules articles：--city 只能是 shenyang、dalian、guiyang、tonghua、zhangjiakou 之一（收到 'nowhere'）\n",
    );
    expect((await articles(['--format', 'yaml'], { LANG: 'zh_CN.UTF-8' })).stderr).toBe("shequ-rules articles：--format 只能是 table 或 json（收到 'yaml'）\n");
    expect((await articles(['--lang', 'zh', '--bogus'])).stderr).toBe('shequ-rules articles：未知选项 --bogus（见：shequ-rules articles --help）\n');
    expect((await articles(['--lang', 'zh', '--city', 'tonghua', '--article', '8.9'])).stderr).toBe('shequ-rules articles：《通化市社区治理促进条例》中没有条文 8.9（第八条共 3 款）\n');
  });

  it('keeps the English as it was', async () => {
    expect((await articles(['--city', 'nowhere'])).stderr).toBe("shequ-rules articles: unknown city 'nowhere'; expected one of shenyang, dalian, guiyang, tonghua, zhangjiakou\n");
    expect((await articles(['--lang', 'en', '--bogus'])).stderr).toBe("shequ-rules articles: Unknown option '--bogus' (see: shequ-rules articles --help)\n");
  });

  it('refuses a --lang it does not know in the locale language', async () => {
    expect((await articles(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).stderr).toBe("shequ-rules articles：--lang 只能是 zh 或 en（收到 'fr'）\n");
    expect((await articles(['--lang', 'fr'])).stderr).toBe("shequ-rules articles: --lang must be one of zh, en (got 'fr')\n");
  });
});
