import { formatCitationLabel } from '../../src/catalogue/citationLabel.js';
import { fromChineseNumeral, toChineseNumeral } from '../../src/catalogue/numerals.js';
import type {
  CatalogueArticle,
  CatalogueItem,
  CatalogueParagraph,
  ChapterRef,
  CityKey,
  LawMeta,
  RuleFile,
} from '../../src/types.js';
import { SEED_PAGES, type SeedPage } from './seedPages.js';
import { toMainlandSimplified } from './simplify.js';

/** An article as the seed page gives it: everything but the hand-authored checks. */
export type DerivedArticle = Omit<CatalogueArticle, 'checks' | 'noCheck'>;

/** The part of a rule file that is derived from the seed page; the rest is hand-authored. */
export interface DerivedCatalogue {
  city: CityKey;
  law: LawMeta;
  preamble?: string;
  closing?: string;
  articles: DerivedArticle[];
}

/** The keys of a rule file and of an article that `deriveCatalogue` owns and rewrites. */
export const DERIVED_RULE_FILE_KEYS = ['city', 'law', 'preamble', 'closing', 'articles'] as const satisfies readonly (keyof RuleFile)[];
export const DERIVED_ARTICLE_KEYS = [
  'number',
  'label',
  'chapter',
  'title',
  'text',
  'sourceText',
  'paragraphs',
] as const satisfies readonly (keyof DerivedArticle)[];

const NUMERAL = '[一二三四五六七八九十百零]+';
const CHAPTER_HEADING = new RegExp(`^第(${NUMERAL})章(.*)$`);
const PART_HEADING = new RegExp(`^(${NUMERAL})、(.+)$`);
const ARTICLE_HEADING = new RegExp(`^第(${NUMERAL})[条條](.*)$`);
// （一） with full-width or ASCII brackets, as the pages mix both.
const ENUMERATED = new RegExp(`^[(（](${NUMERAL})[)）](.*)$`);
const ARTICLE_TITLE = /^【(.+?)】(.*)$/;
// A decision's commencement sentence stands after its last item, not inside it.
const DECISION_CLOSING = /^本决定自.+施行。$/;

/**
 * Derives a law's catalogue (metadata, articles, paragraphs, items) from its scraped seed page.
 * Pure: the same page always gives the same catalogue. Throws when the page does not have the
 * expected shape (an article number out of sequence, an item without a paragraph …).
 *
 * @example
 * deriveCatalogue('tonghua', readFileSync('seeds/tonghua-2023.txt', 'utf8')).articles.length //=> 45
 */
export function deriveCatalogue(city: CityKey, seedText: string): DerivedCatalogue {
  const seed = SEED_PAGES[city];
  const { header, body } = splitPage(seed, seedText);
  const parsed = parseBody(seed, body);
  const law = deriveLawMeta(seed, header, parsed.articles.length);
  const catalogue: DerivedCatalogue = { city, law, articles: parsed.articles };
  if (parsed.preamble !== undefined) catalogue.preamble = parsed.preamble;
  if (parsed.closing !== undefined) catalogue.closing = parsed.closing;
  return catalogue;
}

/** Lines trimmed of surrounding whitespace (ASCII, full-width and no-break spaces). */
function trimmedLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim());
}

/** Cuts the page chrome: `header` is what stands before the law (title, notes), `body` the law. */
function splitPage(seed: SeedPage, seedText: string): { header: string[]; body: string[] } {
  const lines = trimmedLines(seedText);
  const { bodyStart } = seed;
  const marker = 'at' in bodyStart ? bodyStart.at : bodyStart.after;
  const markerIndex = lines.findIndex((line) => marker.test(line));
  if (markerIndex < 0) throw new Error(`${seed.file}: the start of the law (${marker}) was not found`);
  const start = 'at' in bodyStart ? markerIndex : markerIndex + 1;
  const endPattern = seed.bodyEnd;
  let end = lines.length;
  if (endPattern) {
    const offset = lines.slice(start).findIndex((line) => endPattern.test(line));
    if (offset < 0) throw new Error(`${seed.file}: the end of the law (${endPattern}) was not found`);
    end = start + offset;
  }
  return { header: lines.slice(0, start), body: lines.slice(start, end).filter((line) => line !== '') };
}

interface ParsedBody {
  articles: DerivedArticle[];
  preamble?: string;
  closing?: string;
}

interface ParagraphDraft {
  lines: string[];
  items: { number: number; text: string }[];
}

interface ArticleDraft {
  number: number;
  chapter: ChapterRef | null;
  title?: string;
  paragraphs: ParagraphDraft[];
}

function parseBody(seed: SeedPage, body: string[]): ParsedBody {
  const decision = seed.structure === 'decision';
  const drafts: ArticleDraft[] = [];
  const preambleLines: string[] = [];
  let closing: string | undefined;
  let chapter: ChapterRef | null = null;
  let chapterCount = 0;

  function fail(line: string, why: string): never {
    throw new Error(`${seed.file}: ${why}: ${line}`);
  }

  for (const line of body) {
    if (closing !== undefined) fail(line, 'text after the closing sentence');
    const current = drafts.at(-1);

    const chapterMatch = (decision ? PART_HEADING : CHAPTER_HEADING).exec(line);
    const chapterNumber = chapterMatch ? fromChineseNumeral(chapterMatch[1] ?? '') : undefined;
    if (chapterMatch) {
      // A heading out of sequence means the page lost or repeated text: stop rather than guess.
      if (chapterNumber !== chapterCount + 1) fail(line, 'a chapter heading out of sequence');
      chapterCount = chapterNumber;
      const numeral = toChineseNumeral(chapterNumber);
      chapter = {
        number: chapterNumber,
        label: decision ? `${numeral}、` : `第${numeral}章`,
        // Headings letter-space short titles (总　　则); the title is the words, not the layout.
        title: simplify(seed, (chapterMatch[2] ?? '').replace(/\s+/g, '')),
      };
      continue;
    }

    if (decision && DECISION_CLOSING.test(line)) {
      closing = line;
      continue;
    }

    const articleMatch = (decision ? ENUMERATED : ARTICLE_HEADING).exec(line);
    const articleNumber = articleMatch ? fromChineseNumeral(articleMatch[1] ?? '') : undefined;
    if (articleMatch) {
      if (articleNumber !== (current?.number ?? 0) + 1) fail(line, 'an article number out of sequence');
      let rest = (articleMatch[2] ?? '').trim();
      const draft: ArticleDraft = { number: articleNumber, chapter, paragraphs: [] };
      const titleMatch = decision ? null : ARTICLE_TITLE.exec(rest);
      if (titleMatch) {
        draft.title = simplify(seed, titleMatch[1] ?? '');
        rest = (titleMatch[2] ?? '').trim();
      }
      if (rest !== '') draft.paragraphs.push({ lines: [rest], items: [] });
      drafts.push(draft);
      continue;
    }

    if (!current) {
      if (decision) preambleLines.push(line);
      else fail(line, 'text before the first article');
      continue;
    }

    const paragraph = current.paragraphs.at(-1);
    const itemMatch = decision ? null : ENUMERATED.exec(line);
    if (itemMatch) {
      const itemNumber = fromChineseNumeral(itemMatch[1] ?? '');
      if (!paragraph) return fail(line, 'an enumerated item without a paragraph introducing it');
      if (itemNumber !== paragraph.items.length + 1) fail(line, 'an enumerated item out of sequence');
      paragraph.items.push({ number: itemNumber ?? 0, text: (itemMatch[2] ?? '').trim() });
      paragraph.lines.push(line);
      continue;
    }
    // Every other line is a paragraph (款) of its own; items belong to the line before them.
    current.paragraphs.push({ lines: [line], items: [] });
  }

  const articles = drafts.map((draft) => finishArticle(seed, draft));
  const parsed: ParsedBody = { articles };
  if (preambleLines.length > 0) parsed.preamble = preambleLines.join('\n');
  if (closing !== undefined) parsed.closing = closing;
  return parsed;
}

function finishArticle(seed: SeedPage, draft: ArticleDraft): DerivedArticle {
  if (draft.paragraphs.length === 0) throw new Error(`${seed.file}: article ${draft.number} has no text`);
  const paragraphs = draft.paragraphs.map((paragraph, index): CatalogueParagraph => {
    const sourceText = paragraph.lines.join('\n');
    const items = paragraph.items.map(
      (item): CatalogueItem => ({
        number: item.number,
        label: `（${toChineseNumeral(item.number)}）`,
        text: simplify(seed, item.text),
        ...(seed.traditional ? { sourceText: item.text } : {}),
      }),
    );
    const result: CatalogueParagraph = {
      number: index + 1,
      text: simplify(seed, sourceText),
      ...(seed.traditional ? { sourceText } : {}),
      ...(items.length > 0 ? { items } : {}),
    };
    return result;
  });
  const article: DerivedArticle = {
    number: draft.number,
    label: formatCitationLabel({ city: seed.city, article: draft.number }),
    chapter: draft.chapter,
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    text: paragraphs.map((paragraph) => paragraph.text).join('\n'),
    ...(seed.traditional ? { sourceText: paragraphs.map((paragraph) => paragraph.sourceText).join('\n') } : {}),
    paragraphs,
  };
  return article;
}

/** The catalogue's text is mainland simplified; only the traditional page needs converting. */
function simplify(seed: SeedPage, text: string): string {
  return seed.traditional ? toMainlandSimplified(text) : text;
}

const ADOPTION_NOTE = new RegExp(
  `(\\d{4})年(\\d{1,2})月(\\d{1,2})日([^\\s，,。()（）《》]+?人民代表大会常务委员会)第${NUMERAL}次会议(通过|批准)`,
  'g',
);

/**
 * The law's metadata: dates and status from the seed table, enacting and approving bodies from the
 * page's own note (…第十次会议通过 / …第四次会议批准). A table date that disagrees with the note
 * is an error, so the table cannot drift from the page.
 */
function deriveLawMeta(seed: SeedPage, header: string[], articleCount: number): LawMeta {
  const note = toMainlandSimplified(header.join('\n'));
  let enactingBody: string | null = null;
  let approvingBody: string | null = null;
  for (const match of note.matchAll(ADOPTION_NOTE)) {
    const [, year, month, day, body, act] = match;
    const date = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
    const expected = act === '通过' ? seed.adopted : seed.approved;
    if (date !== expected) {
      throw new Error(`${seed.file}: the page says ${body} ${act} on ${date}, the seed table says ${expected}`);
    }
    if (act === '通过') enactingBody ??= body ?? null;
    else approvingBody ??= body ?? null;
  }
  if ((seed.adopted === null) !== (enactingBody === null) || (seed.approved === null) !== (approvingBody === null)) {
    throw new Error(`${seed.file}: the page's adoption note does not match the seed table's dates`);
  }
  return {
    city: seed.city,
    title: seed.title,
    status: seed.status,
    adopted: seed.adopted,
    approved: seed.approved,
    published: seed.published,
    inForceFrom: seed.inForceFrom,
    enactingBody,
    approvingBody,
    source: { file: seed.file, page: seed.page },
    articleCount,
  };
}
