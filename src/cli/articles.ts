import { parseArgs } from 'node:util';
import { getArticle } from '../catalogue/getArticle.js';
import { isCityKey } from '../catalogue/isCityKey.js';
import { summarizeLaws } from '../catalogue/laws.js';
import { getRuleFile } from '../catalogue/ruleFiles.js';
import { searchArticles } from '../catalogue/searchArticles.js';
import { CITY_KEYS, type CatalogueArticle, type CityKey } from '../types.js';
import { displayWidth } from './check/width.js';
import { UsageError, type Command } from './io.js';

export const ARTICLES_HELP = `Usage: shequ-rules articles [--city CITY] [--search TEXT] [--format table|json]
       shequ-rules articles --summary [--city CITY] [--format table|json]

Lists the articles of the five laws (Zhangjiakou: the decision's items （一）…（十五）), in
simplified Chinese; Guiyang's JSON also carries the page's traditional sourceText.

Options:
      --city CITY      one law only: ${CITY_KEYS.join(' | ')}
  -s, --search TEXT    articles with a paragraph containing TEXT (whitespace and full-width
                       vs ASCII brackets ignored; traditional text matches Guiyang's page)
  -f, --format FORMAT  table (default): label, city, first line; json: an array of articles
      --summary        per law: title, status, date in force, articles, checks
  -h, --help           show this help

Examples:
  shequ-rules articles --summary
  shequ-rules articles --city tonghua
  shequ-rules articles --search 网格
  shequ-rules articles --city guiyang --search 平方米 --format json
`;

const FORMATS = ['table', 'json'] as const;
type ArticlesFormat = (typeof FORMATS)[number];

/** Text column width of the table when stdout is not a terminal that says otherwise. */
const DEFAULT_COLUMNS = 100;

interface ArticlesOptions {
  city?: CityKey;
  search?: string;
  format: ArticlesFormat;
  summary: boolean;
  help: boolean;
}

/** `shequ-rules articles`: the catalogue for people (table) and programs (json). */
export const runArticles: Command = async (args, io) => {
  const options = parseArticlesArgs(args);
  if (options.help) {
    io.stdout.write(ARTICLES_HELP);
    return 0;
  }
  const columns = terminalColumns(io.stdout, io.stdoutIsTTY);
  const output = options.summary ? renderSummary(options) : renderArticles(options, columns);
  io.stdout.write(output);
  return 0;
};

function parseArticlesArgs(args: string[]): ArticlesOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        city: { type: 'string' },
        search: { type: 'string', short: 's' },
        format: { type: 'string', short: 'f', default: 'table' },
        summary: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors; to the user they are usage.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message} (see: shequ-rules articles --help)`);
  }
  const { city, search, format, summary, help } = parsed.values;
  if (city !== undefined && !isCityKey(city)) {
    throw new UsageError(`unknown city '${city}'; expected one of ${CITY_KEYS.join(', ')}`);
  }
  if (!isFormat(format)) {
    throw new UsageError(`unknown format '${format}'; expected one of ${FORMATS.join(', ')}`);
  }
  if (search !== undefined && search.trim() === '') throw new UsageError('--search needs a non-empty TEXT');
  if (summary && search !== undefined) throw new UsageError('--summary lists laws; it cannot be combined with --search');
  return {
    ...(city !== undefined ? { city } : {}),
    ...(search !== undefined ? { search } : {}),
    format,
    summary,
    help,
  };
}

function isFormat(value: string): value is ArticlesFormat {
  return (FORMATS as readonly string[]).includes(value);
}

function terminalColumns(stdout: unknown, isTTY: boolean): number {
  const columns = isTTY ? (stdout as { columns?: unknown }).columns : undefined;
  return typeof columns === 'number' && columns >= 40 ? columns : DEFAULT_COLUMNS;
}

/** An article in `--format json`: the catalogue entry with its city and law, checks by id. */
interface ArticleJson {
  city: CityKey;
  law: string;
  number: number;
  label: string;
  chapter: CatalogueArticle['chapter'];
  title?: string;
  text: string;
  sourceText?: string;
  paragraphs: CatalogueArticle['paragraphs'];
  /** With --search: the paragraphs that contain the text. */
  matchingParagraphs?: number[];
  checkIds: string[];
  noCheck?: CatalogueArticle['noCheck'];
}

interface ListedArticle {
  city: CityKey;
  article: CatalogueArticle;
  matchingParagraphs?: number[];
}

function listArticles(options: ArticlesOptions): ListedArticle[] {
  if (options.search !== undefined) {
    const searchOptions = options.city !== undefined ? { city: options.city } : {};
    return searchArticles(options.search, searchOptions).flatMap((match) => {
      const article = getArticle(match.city, match.article);
      if (!article) return [];
      return [{ city: match.city, article, matchingParagraphs: match.paragraphs.map((paragraph) => paragraph.number) }];
    });
  }
  const cities = options.city !== undefined ? [options.city] : CITY_KEYS;
  return cities.flatMap((city) => getRuleFile(city).articles.map((article) => ({ city, article })));
}

function renderArticles(options: ArticlesOptions, columns: number): string {
  const listed = listArticles(options);
  if (options.format === 'json') return `${JSON.stringify(listed.map(toArticleJson), null, 2)}\n`;

  const labelWidth = Math.max(displayWidth('article'), ...listed.map(({ article }) => displayWidth(article.label)));
  const cityWidth = Math.max(...CITY_KEYS.map((city) => city.length));
  const textWidth = Math.max(20, columns - labelWidth - cityWidth - 4);
  const lines = [`${padEnd('article', labelWidth)}  ${'city'.padEnd(cityWidth)}  text`];
  for (const { city, article, matchingParagraphs } of listed) {
    const line = shownLine(article, matchingParagraphs, options.search);
    lines.push(`${padEnd(article.label, labelWidth)}  ${city.padEnd(cityWidth)}  ${excerpt(line, options.search, textWidth)}`);
  }
  lines.push(countLine(listed.length, options));
  return `${lines.join('\n')}\n`;
}

function toArticleJson({ city, article, matchingParagraphs }: ListedArticle): ArticleJson {
  return {
    city,
    law: getRuleFile(city).law.title,
    number: article.number,
    label: article.label,
    chapter: article.chapter,
    ...(article.title !== undefined ? { title: article.title } : {}),
    text: article.text,
    ...(article.sourceText !== undefined ? { sourceText: article.sourceText } : {}),
    paragraphs: article.paragraphs,
    ...(matchingParagraphs !== undefined ? { matchingParagraphs } : {}),
    checkIds: article.checks.map((check) => check.id),
    ...(article.noCheck !== undefined ? { noCheck: article.noCheck } : {}),
  };
}

/** The line a person wants to see: the article's first, or with --search the first matching one. */
function shownLine(article: CatalogueArticle, matchingParagraphs: number[] | undefined, search: string | undefined): string {
  const firstLine = article.text.split('\n')[0] ?? '';
  if (search === undefined || matchingParagraphs === undefined) return firstLine;
  const paragraph = article.paragraphs.find((candidate) => candidate.number === matchingParagraphs[0]);
  const lines = (paragraph?.text ?? firstLine).split('\n');
  return lines.find((line) => line.includes(search.trim())) ?? lines[0] ?? firstLine;
}

/** Fits a line into `width` columns, keeping a search hit in view (… marks the cuts). */
function excerpt(line: string, search: string | undefined, width: number): string {
  if (displayWidth(line) <= width) return line;
  const chars = [...line];
  let start = 0;
  const hit = search === undefined ? -1 : line.indexOf(search.trim());
  if (hit > 0) {
    const hitChar = [...line.slice(0, hit)].length;
    // Start a few characters before the hit so it reads in context.
    const before = displayWidth(line.slice(0, hit));
    if (before + displayWidth(search?.trim() ?? '') > width - 2) start = Math.max(0, hitChar - 6);
  }
  let result = start > 0 ? '…' : '';
  let used = displayWidth(result);
  for (const char of chars.slice(start)) {
    const charWidth = displayWidth(char);
    if (used + charWidth > width - 1) return `${result}…`;
    result += char;
    used += charWidth;
  }
  return result;
}

function countLine(count: number, options: ArticlesOptions): string {
  const noun = count === 1 ? 'article' : 'articles';
  const scope = options.city !== undefined ? getRuleFile(options.city).law.title : `${CITY_KEYS.length} laws`;
  if (options.search !== undefined) return `${count} ${noun} match "${options.search}" in ${scope}`;
  return `${count} ${noun} in ${scope}`;
}

function renderSummary(options: ArticlesOptions): string {
  const laws = summarizeLaws().filter((law) => options.city === undefined || law.city === options.city);
  if (options.format === 'json') return `${JSON.stringify(laws, null, 2)}\n`;
  const cityWidth = Math.max(...CITY_KEYS.map((city) => city.length));
  const rows = [
    ['city'.padEnd(cityWidth), 'status  ', 'in force  ', 'articles', 'checks', 'title'],
    ...laws.map((law) => [
      law.city.padEnd(cityWidth),
      law.status.padEnd(8),
      (law.inForceFrom ?? '—').padEnd(10),
      String(law.articleCount).padStart(8),
      String(law.checkCount).padStart(6),
      law.title,
    ]),
  ];
  const articleTotal = laws.reduce((sum, law) => sum + law.articleCount, 0);
  const lawNoun = laws.length === 1 ? 'law' : 'laws';
  return `${rows.map((row) => row.join('  ')).join('\n')}\n${laws.length} ${lawNoun}, ${articleTotal} articles\n`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
