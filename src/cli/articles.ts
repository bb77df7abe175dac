import { parseArgs } from 'node:util';
import { getArticle } from '../catalogue/getArticle.js';
import { isCityKey } from '../catalogue/isCityKey.js';
import { summarizeLaws } from '../catalogue/laws.js';
import { getRuleFile } from '../catalogue/ruleFiles.js';
import { searchArticles } from '../catalogue/searchArticles.js';
import { resolveParameters } from '../engine/parameters.js';
import { fromChineseNumeral } from '../catalogue/numerals.js';
import { formatCitationLabel } from '../catalogue/citationLabel.js';
import { conditionWords } from '../locales/conditionWords.js';
import { fillPlaceholder } from '../locales/types.js';
import { labelFact, labelOf, type Lang } from '../locales/label.js';
import { CITY_LABELS, KIND_LABELS, LAW_STATUS_LABELS, NO_CHECK_REASON_LABELS, SEVERITY_LABELS } from '../locales/labels.js';
import { CITY_KEYS, type CatalogueArticle, type CheckEntry, type CityKey, type ConditionJson } from '../types.js';
import { displayWidth, wrap } from './check/width.js';
import { chooseLang, refuser, UsageError, type CliIO, type Command, type Refuse } from './io.js';
import { langBeforeParsing, parseErrorMessage, parseErrorZh, USAGE_TEXT } from './usageText.js';

export const ARTICLES_HELP = `Usage: shequ-rules articles [--city CITY] [--search TEXT] [--full] [--format table|json]
       shequ-rules articles --city CITY --article REF [--format table|json]
       shequ-rules articles --summary [--city CITY] [--format table|json]

Lists the articles of the five laws (Zhangjiakou: the decision's items （一）…（十五）), in
simplified Chinese; Guiyang's JSON also carries the page's traditional sourceText.

Options:
      --city CITY      one law only: ${CITY_KEYS.join(' | ')}
  -a, --article REF    one article in full: its chapter, paragraphs and items, its checks with
                       their conditions in words, and its liability article. REF is 8, 第八条,
                       8.2 or 第八条第二款 (a paragraph), （三） or (三) for a Zhangjiakou item.
                       Without --city, every law's article of that number.
  -s, --search TEXT    articles whose text or labels contain TEXT (article and paragraph labels
                       such as 第八条 or 第八条第二款, titles, chapter titles, the labels of the
                       facts their checks read); whitespace and full-width vs ASCII brackets
                       ignored; hits are highlighted on a terminal
      --full           the whole text of each article, wrapped, instead of its first line
                       (not with --summary, which lists laws)
  -f, --format FORMAT  table (default): label, city, text; json: an array of articles
      --summary        per law: title, status, date in force, provisions, provisions with
                       checks, checks
      --lang zh|en     language of headings, words and errors (default: zh when LC_ALL /
                       LC_MESSAGES / LANG say Chinese, else en)
  -h, --help           show this help

Examples:
  shequ-rules articles --summary
  shequ-rules articles --city tonghua --article 8
  shequ-rules articles --city zhangjiakou --article （三）
  shequ-rules articles --search 第八条
  shequ-rules articles --city guiyang --search 平方米 --format json
`;

export const ARTICLES_HELP_ZH = `用法：shequ-rules articles [--city 城市] [--search 文字] [--full] [--format table|json]
      shequ-rules articles --city 城市 --article 条号 [--format table|json]
      shequ-rules articles --summary [--city 城市] [--format table|json]

列出五部法规的条文（张家口为决定的（一）至（十五）项），简体中文；贵阳的 JSON 还附有原网页的繁体 sourceText。

选项：
      --city 城市      只看一部法规：${CITY_KEYS.join(' | ')}
  -a, --article 条号   一条的全文：所在章、各款和各项，该条的检查及其条件（文字表述），以及法律责任条款。
                       条号可写 8、第八条、8.2 或 第八条第二款（某一款），张家口写 （三） 或 (三)。
                       不给 --city 时列出各法规中该号的条文。
  -s, --search 文字    正文或标签含该文字的条文（条、款标签如 第八条、第八条第二款，条标题、章标题，
                       检查所读事实的中文名）；忽略空白及全角半角括号差别；在终端中高亮命中处
      --full           显示每条的全文（自动换行），而不只是第一行（不能与 --summary 同用，后者只列法规）
  -f, --format 格式    table（默认）：条号、城市、正文；json：条文数组
      --summary        每部法规：名称、状态、施行日期、条文数、有检查的条文数、检查数
      --lang zh|en     标题、用语和错误信息的语言（默认：LC_ALL / LC_MESSAGES / LANG 为中文时 zh，否则 en）
  -h, --help           显示本帮助

示例：
  shequ-rules articles --summary
  shequ-rules articles --city tonghua --article 8
  shequ-rules articles --city zhangjiakou --article （三）
  shequ-rules articles --search 第八条
`;

const FORMATS = ['table', 'json'] as const;
type ArticlesFormat = (typeof FORMATS)[number];

/** An article the laws do not have: its law (or the count of laws), and how many paragraphs the article has where it is. */
interface NoArticle {
  ref: ArticleRef;
  city: CityKey | undefined;
  whole: FoundArticle[];
}

/** The words of articles' usage errors, in the language of --lang, else of the locale (usageText.ts). */
const TEXT = {
  en: {
    seeHelp: (message: string) => `${message} (see: shequ-rules articles --help)`,
    city: (got: string) => `unknown city '${got}'; expected one of ${CITY_KEYS.join(', ')}`,
    format: (got: string) => `unknown format '${got}'; expected one of ${FORMATS.join(', ')}`,
    emptySearch: () => '--search needs a non-empty TEXT',
    summarySearch: () => '--summary lists laws; it cannot be combined with --search',
    summaryFull: () => '--summary lists laws, not articles; --full (the whole text of each article) cannot be combined with it',
    articleRef: (got: string) => `--article: cannot read '${got}'; write 8, 第八条, 8.2, 第八条第二款 or （三）`,
    articleAlone: () => '--article shows one article; it cannot be combined with --summary or --search',
    noArticle: ({ ref, city, whole }: NoArticle) => {
      const scope = city !== undefined ? getRuleFile(city).law.title : `${CITY_KEYS.length} laws`;
      const counts = whole.map((f) => `${city === undefined ? `${f.city} ` : ''}${f.article.label} has ${f.article.paragraphs.length}`).join(', ');
      return `no article ${describeRef(ref)} in ${scope}${counts === '' ? '' : ` (paragraphs: ${counts})`}`;
    },
  },
  zh: {
    seeHelp: (message: string) => `${parseErrorZh(message)}（见：shequ-rules articles --help）`,
    city: (got: string) => USAGE_TEXT.zh.oneOf('--city', CITY_KEYS, got),
    format: (got: string) => USAGE_TEXT.zh.oneOf('--format', FORMATS, got),
    emptySearch: () => '--search 需要非空的文字',
    summarySearch: () => '--summary 列出的是法规，不能与 --search 同用',
    summaryFull: () => '--summary 列出的是法规而不是条文，不能与 --full（每条的全文）同用',
    articleRef: (got: string) => `--article 无法识别（收到 '${got}'）；请写 8、第八条、8.2、第八条第二款 或 （三）`,
    articleAlone: () => '--article 只显示一条，不能与 --summary 或 --search 同用',
    noArticle: ({ ref, city, whole }: NoArticle) => {
      const scope = city !== undefined ? `《${getRuleFile(city).law.title}》中` : `${CITY_KEYS.length} 部法规中都`;
      const counts = whole.map((f) => `${city === undefined ? `${labelOf(CITY_LABELS, f.city, 'zh')} ` : ''}${f.article.label}共 ${f.article.paragraphs.length} 款`).join('、');
      return `${scope}没有条文 ${describeRef(ref)}${counts === '' ? '' : `（${counts}）`}`;
    },
  },
} satisfies Record<Lang, unknown>;

/** Text column width of the table when stdout is not a terminal that says otherwise. */
const DEFAULT_COLUMNS = 100;

interface ArticlesOptions {
  city?: CityKey;
  search?: string;
  article?: ArticleRef;
  full: boolean;
  format: ArticlesFormat;
  summary: boolean;
  help: boolean;
  lang: Lang;
  /** Highlight search hits (stdout is a terminal). */
  highlight: boolean;
}

/** An article (Zhangjiakou: item) number, and a paragraph when the reference names one. */
export interface ArticleRef {
  article: number;
  paragraph?: number;
}

/**
 * Reads an article reference as people write it.
 *
 * @example parseArticleRef('第八条第二款') // { article: 8, paragraph: 2 }
 * @example parseArticleRef('8.2') // { article: 8, paragraph: 2 }
 * @example parseArticleRef('（三）') // { article: 3 }
 */
export function parseArticleRef(text: string): ArticleRef | undefined {
  const ref = text.replace(/\s+/g, '').replace(/[（(]/g, '（').replace(/[）)]/g, '）');
  const digits = /^(\d+)(?:\.(\d+))?$/.exec(ref);
  if (digits) return build(Number(digits[1]), digits[2] === undefined ? undefined : Number(digits[2]));
  const chinese = /^(?:第([〇零一二两三四五六七八九十百]+)条|（([〇零一二两三四五六七八九十百]+)）)(?:第([〇零一二两三四五六七八九十]+)款)?$/.exec(ref);
  if (!chinese) return undefined;
  const article = fromChineseNumeral(chinese[1] ?? chinese[2] ?? '');
  const paragraph = chinese[3] === undefined ? undefined : fromChineseNumeral(chinese[3]);
  if (article === undefined || (chinese[3] !== undefined && paragraph === undefined)) return undefined;
  return build(article, paragraph);

  function build(article: number, paragraph: number | undefined): ArticleRef | undefined {
    if (!(article > 0) || (paragraph !== undefined && !(paragraph > 0))) return undefined;
    return paragraph === undefined ? { article } : { article, paragraph };
  }
}

/** `shequ-rules articles`: the catalogue for people (table) and programs (json). */
export const runArticles: Command = async (args, io) => {
  const options = parseArticlesArgs(args, io);
  if (options.help) {
    io.stdout.write(options.lang === 'zh' ? ARTICLES_HELP_ZH : ARTICLES_HELP);
    return 0;
  }
  const columns = terminalColumns(io.stdout, io.stdoutIsTTY);
  if (options.article !== undefined) {
    const found = findArticles(options.article, options.city);
    if (found.length === 0) {
      // The article is there but not the paragraph: say how many paragraphs it has.
      const whole = options.article.paragraph === undefined ? [] : findArticles({ article: options.article.article }, options.city);
      throw new UsageError(TEXT[options.lang].noArticle({ ref: options.article, city: options.city, whole }), { lang: options.lang });
    }
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(found.map((f) => articleDetailJson(f, options.lang)), null, 2)}\n` : found.map((f) => renderArticleDetail(f, options, columns)).join('\n'));
    return 0;
  }
  const output = options.summary ? renderSummary(options) : renderArticles(options, columns);
  io.stdout.write(output);
  return 0;
};

function describeRef(ref: ArticleRef): string {
  return ref.paragraph === undefined ? String(ref.article) : `${ref.article}.${ref.paragraph}`;
}

function parseArticlesArgs(args: string[], io: Pick<CliIO, 'env' | 'stdoutIsTTY'>): ArticlesOptions {
  const early = langBeforeParsing(args, io);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        city: { type: 'string' },
        search: { type: 'string', short: 's' },
        article: { type: 'string', short: 'a' },
        full: { type: 'boolean', default: false },
        lang: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'table' },
        summary: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors; to the user they are usage.
    throw new UsageError(TEXT[early].seeHelp(parseErrorMessage(error)), { lang: early });
  }
  const { city, search, format, summary, help, article, full } = parsed.values;
  const lang = chooseLang(parsed.values.lang, io, early);
  const text = TEXT[lang];
  const refuse: Refuse = refuser(lang);
  if (city !== undefined && !isCityKey(city)) refuse(text.city(city));
  if (!isFormat(format)) refuse(text.format(format));
  if (search !== undefined && search.trim() === '') refuse(text.emptySearch());
  if (summary && search !== undefined) refuse(text.summarySearch());
  // --full widens the article list's text; the summary lists no article text to widen.
  if (summary && full === true) refuse(text.summaryFull());
  let ref: ArticleRef | undefined;
  if (article !== undefined) {
    ref = parseArticleRef(article);
    if (ref === undefined) refuse(text.articleRef(article));
    if (summary || search !== undefined) refuse(text.articleAlone());
  }
  return {
    ...(city !== undefined ? { city } : {}),
    ...(search !== undefined ? { search } : {}),
    ...(ref !== undefined ? { article: ref } : {}),
    full: full === true,
    format,
    summary,
    help,
    lang,
    highlight: io.stdoutIsTTY,
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
  const cities = options.city !== undefined ? [options.city] : CITY_KEYS;
  if (options.search !== undefined) {
    const search = options.search;
    const searchOptions = options.city !== undefined ? { city: options.city } : {};
    const byText = new Map(searchArticles(search, searchOptions).map((match) => [`${match.city}.${match.article}`, match]));
    // Article order, whether the text or a label matched.
    return cities.flatMap((city) =>
      getRuleFile(city).articles.flatMap((article): ListedArticle[] => {
        const match = byText.get(`${city}.${article.number}`);
        if (match) return [{ city, article, matchingParagraphs: match.paragraphs.map((paragraph) => paragraph.number) }];
        return matchesLabels(city, article, search) ? [{ city, article, matchingParagraphs: [] }] : [];
      }),
    );
  }
  return cities.flatMap((city) => getRuleFile(city).articles.map((article) => ({ city, article })));
}

function renderArticles(options: ArticlesOptions, columns: number): string {
  const listed = listArticles(options);
  if (options.format === 'json') return `${JSON.stringify(listed.map(toArticleJson), null, 2)}\n`;

  const zh = options.lang === 'zh';
  const head = zh ? { article: '条', city: '城市', text: '正文' } : { article: 'article', city: 'city', text: 'text' };
  const cityName = (city: CityKey): string => (zh ? labelOf(CITY_LABELS, city, 'zh') : city);
  const labelWidth = Math.max(displayWidth(head.article), ...listed.map(({ article }) => displayWidth(article.label)));
  const cityWidth = Math.max(displayWidth(head.city), ...CITY_KEYS.map((city) => displayWidth(cityName(city))));
  const textWidth = Math.max(20, columns - labelWidth - cityWidth - 4);
  const mark = (text: string): string => (options.highlight && options.search !== undefined ? highlight(text, options.search) : text);
  const lines = [`${padEnd(head.article, labelWidth)}  ${padEnd(head.city, cityWidth)}  ${head.text}`];
  for (const { city, article, matchingParagraphs } of listed) {
    const prefix = `${padEnd(article.label, labelWidth)}  ${padEnd(cityName(city), cityWidth)}  `;
    if (options.full) {
      const wrapped = article.text.split('\n').flatMap((line) => wrap(line, textWidth));
      wrapped.forEach((line, i) => lines.push(`${i === 0 ? mark(prefix) : ' '.repeat(labelWidth + cityWidth + 4)}${mark(line)}`));
      continue;
    }
    const line = shownLine(article, matchingParagraphs, options.search);
    lines.push(mark(`${prefix}${excerpt(line, options.search, textWidth)}`));
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
  if (search === undefined || matchingParagraphs === undefined || matchingParagraphs.length === 0) return firstLine;
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
  if (options.lang === 'zh') {
    const scope = options.city !== undefined ? `《${getRuleFile(options.city).law.title}》` : `${CITY_KEYS.length} 部法规`;
    if (options.search !== undefined) return `${scope}中有 ${count} 条与“${options.search}”匹配`;
    return `${scope}共 ${count} 条`;
  }
  const articles = fillPlaceholder(count, ['article', 'articles']);
  const scope = options.city !== undefined ? getRuleFile(options.city).law.title : `${CITY_KEYS.length} laws`;
  if (options.search !== undefined) return `${articles} ${count === 1 ? 'matches' : 'match'} "${options.search}" in ${scope}`;
  return `${articles} in ${scope}`;
}

function renderSummary(options: ArticlesOptions): string {
  const laws = summarizeLaws().filter((law) => options.city === undefined || law.city === options.city);
  if (options.format === 'json') return `${JSON.stringify(laws, null, 2)}\n`;
  const zh = options.lang === 'zh';
  const heads = zh
    ? ['城市', '状态', '施行日期', '条文', '有检查的条文', '检查', '名称']
    : ['city', 'status', 'in force', 'provisions', 'with checks', 'checks', 'title'];
  const rows = laws.map((law) => [
    zh ? labelOf(CITY_LABELS, law.city, 'zh') : law.city,
    zh ? labelOf(LAW_STATUS_LABELS, law.status, 'zh') : law.status,
    law.inForceFrom ?? '—',
    String(law.articleCount),
    String(law.checkedArticleCount),
    String(law.checkCount),
    law.title,
  ]);
  const total = (pick: (law: (typeof laws)[number]) => number): number => laws.reduce((sum, law) => sum + pick(law), 0);
  const widths = heads.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const numeric = new Set([3, 4, 5]);
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : numeric.has(i) ? ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell))) + cell : padEnd(cell, widths[i] ?? 0)))
      .join('  ');
  const articles = total((law) => law.articleCount);
  const checked = total((law) => law.checkedArticleCount);
  const checks = total((law) => law.checkCount);
  const footer = zh
    ? `${laws.length} 部法规，${articles} 条，其中 ${checked} 条有检查，共 ${checks} 项检查`
    : `${fillPlaceholder(laws.length, ['law', 'laws'])}, ${fillPlaceholder(articles, ['provision', 'provisions'])}, ${checked} with checks, ${fillPlaceholder(checks, ['check', 'checks'])}`;
  return `${[heads, ...rows].map(line).join('\n')}\n${footer}\n`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

// ---------------------------------------------------------------------------------------------
// --article: one article in full

interface FoundArticle {
  city: CityKey;
  article: CatalogueArticle;
  paragraph?: number;
}

function findArticles(ref: ArticleRef, city: CityKey | undefined): FoundArticle[] {
  const cities = city !== undefined ? [city] : CITY_KEYS;
  return cities.flatMap((c) => {
    const article = getArticle(c, ref.article);
    if (!article) return [];
    if (ref.paragraph !== undefined && !article.paragraphs.some((p) => p.number === ref.paragraph)) return [];
    return [{ city: c, article, ...(ref.paragraph !== undefined ? { paragraph: ref.paragraph } : {}) }];
  });
}

const HEAD: Record<Lang, Record<string, string>> = {
  zh: {
    chapter: '章',
    checks: '检查',
    noChecks: '本条没有机器检查',
    kind: '记录类型',
    severity: '性质',
    cites: '引用',
    applies: '适用条件',
    passes: '符合条件',
    parameter: '解释参数',
    reason: '理由',
    liability: '法律责任',
    nonBinding: '约束力',
  },
  en: {
    chapter: 'chapter',
    checks: 'Checks',
    noChecks: 'No machine check of this article',
    kind: 'kind',
    severity: 'severity',
    cites: 'cites',
    applies: 'applies when',
    passes: 'passes when',
    parameter: 'parameter',
    reason: 'reason',
    liability: 'Liability',
    nonBinding: 'binding',
  },
};

interface CheckInWords {
  id: string;
  kind: string;
  severity: string;
  severityReason: string;
  cites: string;
  appliesWhen: string;
  passesWhen: string;
  parameters?: Record<string, { default: number; reason: string }>;
  liability?: { article: number; label: string; text: string };
}

function checkInWords(city: CityKey, article: CatalogueArticle, raw: CheckEntry, lang: Lang): CheckInWords {
  const check = resolveParameters(raw);
  const [applies, passes] = check.conditions.all as [ConditionJson, ConditionJson];
  const liable = check.liability !== undefined ? getArticle(city, check.liability) : undefined;
  return {
    id: check.id,
    kind: labelOf(KIND_LABELS, check.kind, lang),
    severity: labelOf(SEVERITY_LABELS, check.severity, lang),
    severityReason: check.severityReason,
    cites: formatCitationLabel({
      city,
      article: article.number,
      ...(check.cites.paragraph !== undefined ? { paragraph: check.cites.paragraph } : {}),
      ...(check.cites.item !== undefined ? { item: check.cites.item } : {}),
      paragraphCount: article.paragraphs.length,
    }),
    appliesWhen: conditionWords(applies, lang, check.kind),
    passesWhen: conditionWords(passes, lang, check.kind),
    ...(raw.parameters !== undefined ? { parameters: raw.parameters } : {}),
    ...(liable !== undefined ? { liability: { article: liable.number, label: liable.label, text: liable.text } } : {}),
  };
}

function relevantChecks(found: FoundArticle): CheckEntry[] {
  return found.article.checks.filter((c) => found.paragraph === undefined || c.cites.paragraph === undefined || c.cites.paragraph === found.paragraph);
}

function articleDetailJson(found: FoundArticle, lang: Lang) {
  const { city, article } = found;
  return {
    ...toArticleJson({ city, article }),
    ...(found.paragraph !== undefined ? { paragraph: found.paragraph } : {}),
    checks: relevantChecks(found).map((check) => checkInWords(city, article, check, lang)),
  };
}

function renderArticleDetail(found: FoundArticle, options: ArticlesOptions, columns: number): string {
  const { city, article } = found;
  const lang = options.lang;
  const h = HEAD[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const law = getRuleFile(city).law;
  const out: string[] = [];
  const para = (text: string, indent: string): void => {
    for (const line of wrap(text, columns - displayWidth(indent))) out.push(indent + line);
  };
  out.push(`${law.title} · ${labelOf(CITY_LABELS, city, lang)}`);
  if (article.chapter) out.push(`${article.chapter.label} ${article.chapter.title}`);
  out.push(`${article.label}${article.title !== undefined ? `【${article.title}】` : ''}`);
  out.push('');
  const many = article.paragraphs.length > 1;
  for (const paragraph of article.paragraphs) {
    if (found.paragraph !== undefined && paragraph.number !== found.paragraph) continue;
    const mark = many ? `${formatCitationLabel({ city, article: article.number, paragraph: paragraph.number, paragraphCount: article.paragraphs.length }).replace(article.label, '')}  ` : '';
    const [lead, ...itemLines] = paragraph.text.split('\n');
    para(`${mark}${lead ?? ''}`, '  ');
    const items = paragraph.items ?? [];
    if (items.length > 0) for (const item of items) para(`${item.label}${item.text}`, '    ');
    else for (const line of itemLines) para(line, '    ');
  }
  out.push('');
  const checks = relevantChecks(found);
  if (checks.length === 0) {
    const reason = article.noCheck ? `：${labelOf(NO_CHECK_REASON_LABELS, article.noCheck.reason, lang)}（${article.noCheck.note}）` : '';
    para(`${h.noChecks}${lang === 'en' ? reason.replace('：', ': ').replace('（', ' (').replace('）', ')') : reason}`, '');
  } else {
    out.push(`${h.checks} (${checks.length})`);
    for (const raw of checks) {
      const c = checkInWords(city, article, raw, lang);
      out.push(`  ${c.id}`);
      para(`${h.cites}${sep}${c.cites} · ${h.kind}${sep}${c.kind} · ${h.severity}${sep}${c.severity} (${c.severityReason})`, '    ');
      para(`${h.applies}${sep}${c.appliesWhen}`, '    ');
      para(`${h.passes}${sep}${c.passesWhen}`, '    ');
      for (const [name, p] of Object.entries(c.parameters ?? {})) para(`${h.parameter} ${name} = ${p.default}${sep}${p.reason}`, '    ');
      if (c.liability) para(`${h.liability}${sep}${c.liability.label} ${c.liability.text}`, '    ');
    }
  }
  if (law.status === 'draft') para(lang === 'zh' ? `（${LAW_STATUS_LABELS.draft!.zh}：检查结果无约束力）` : '(draft: findings are not binding)', '');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// --search on labels, and highlighting

/** Normalised for matching: full-width ASCII forms folded, whitespace removed. */
function fold(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode((char.codePointAt(0) ?? 0) - 0xfee0)).replace(/\s+/g, '');
}

/** The labels an article answers to: 第八条, 第八条第二款, its title, chapter, its checks' fact labels. */
export function articleLabels(city: CityKey, article: CatalogueArticle): string[] {
  const labels = [article.label];
  for (const p of article.paragraphs) {
    labels.push(formatCitationLabel({ city, article: article.number, paragraph: p.number, paragraphCount: article.paragraphs.length }));
  }
  if (article.title !== undefined) labels.push(article.title);
  if (article.chapter) labels.push(`${article.chapter.label}${article.chapter.title}`);
  for (const check of article.checks) {
    labels.push(check.id);
    for (const fact of factsOf(check.conditions as unknown as ConditionJson)) labels.push(labelFact(`facts.${fact}`, 'zh', check.kind));
  }
  return labels;
}

function factsOf(condition: ConditionJson): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  return [`${condition.fact}${condition.path ? condition.path.replace(/^\$/, '') : ''}`];
}

function matchesLabels(city: CityKey, article: CatalogueArticle, query: string): boolean {
  const needle = fold(query);
  return needle !== '' && articleLabels(city, article).some((label) => fold(label).includes(needle));
}

/** Marks every occurrence of `query` in `text` for a terminal (reverse video). */
export function highlight(text: string, query: string): string {
  const needle = query.trim();
  if (needle === '') return text;
  return text.split(needle).join(`\u001b[7m${needle}\u001b[27m`);
}
