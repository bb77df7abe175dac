import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCitationLabel } from '../src/catalogue/citationLabel.js';
import { CITY_KEYS, type CatalogueArticle, type CityKey, type RuleFile } from '../src/types.js';
import { DERIVED_ARTICLE_KEYS, deriveCatalogue } from './corpus/derive.js';
import { mergeRuleFile, serializeRuleFile } from './corpus/merge.js';
import { PHRASE_TABLE } from './corpus/phrases.js';
import { SEED_PAGES } from './corpus/seedPages.js';
import { convertTaiwanCharacters, toMainlandSimplified } from './corpus/simplify.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedText = (city: CityKey): string => readFileSync(join(root, SEED_PAGES[city].file), 'utf8');
const ruleFileText = (city: CityKey): string => readFileSync(join(root, 'rules', `${city}.json`), 'utf8');
const ruleFile = (city: CityKey): RuleFile => JSON.parse(ruleFileText(city)) as RuleFile;

/** The page as a reader sees it: lines trimmed, blank lines gone. */
const collapsed = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');

const pick = (article: CatalogueArticle, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(article).filter(([key]) => keys.includes(key)));

/** Every simplified string of a rule file: law title, chapter and article titles, text, items. */
function simplifiedStrings(file: RuleFile): string[] {
  const strings = [file.law.title, file.preamble ?? '', file.closing ?? ''];
  for (const article of file.articles) {
    strings.push(article.text, article.title ?? '', article.chapter?.title ?? '');
    for (const paragraph of article.paragraphs) {
      strings.push(paragraph.text, ...(paragraph.items ?? []).map((item) => item.text));
    }
  }
  return strings.filter((text) => text !== '');
}

const EXPECTED_COUNTS: Record<CityKey, number> = {
  shenyang: 38,
  dalian: 46,
  guiyang: 47,
  tonghua: 45,
  zhangjiakou: 15,
};

describe('rules/<city>.json against the seed pages', () => {
  describe.each(CITY_KEYS)('%s', (city) => {
    const file = ruleFile(city);
    const derived = deriveCatalogue(city, seedText(city));
    const page = collapsed(seedText(city));
    const simplifiedPage = SEED_PAGES[city].traditional ? toMainlandSimplified(page) : page;

    it('holds exactly what the seed page derives (no hand edit drifts from the law)', () => {
      expect(file.city).toBe(city);
      expect(file.law).toEqual(derived.law);
      expect(file.preamble).toEqual(derived.preamble);
      expect(file.closing).toEqual(derived.closing);
      expect(file.articles.map((article) => pick(article, DERIVED_ARTICLE_KEYS))).toEqual(derived.articles);
    });

    it('is what `npm run corpus` would write, byte for byte', () => {
      expect(serializeRuleFile(mergeRuleFile(derived, file))).toBe(ruleFileText(city));
    });

    it(`has ${EXPECTED_COUNTS[city]} articles, numbered from 1 without gaps`, () => {
      expect(file.articles).toHaveLength(EXPECTED_COUNTS[city]);
      expect(file.law.articleCount).toBe(EXPECTED_COUNTS[city]);
      expect(file.articles.map((article) => article.number)).toEqual(
        Array.from({ length: EXPECTED_COUNTS[city] }, (_, index) => index + 1),
      );
    });

    it('gives every article an array of checks', () => {
      for (const article of file.articles) expect(Array.isArray(article.checks)).toBe(true);
    });

    it('finds every paragraph verbatim in the page', () => {
      for (const article of file.articles) {
        for (const paragraph of article.paragraphs) {
          expect(simplifiedPage).toContain(paragraph.text);
          if (SEED_PAGES[city].traditional) expect(page).toContain(paragraph.sourceText);
        }
      }
    });

    it('finds every article text in the page once blank lines are collapsed', () => {
      for (const article of file.articles) {
        expect(simplifiedPage).toContain(article.text);
        if (SEED_PAGES[city].traditional) expect(page).toContain(article.sourceText);
      }
    });

    it('joins paragraphs into the article text, and items into their paragraph', () => {
      for (const article of file.articles) {
        expect(article.text).toBe(article.paragraphs.map((paragraph) => paragraph.text).join('\n'));
        article.paragraphs.forEach((paragraph, index) => {
          expect(paragraph.number).toBe(index + 1);
          const lines = paragraph.text.split('\n');
          const items = paragraph.items ?? [];
          expect(lines).toHaveLength(items.length + 1);
          items.forEach((item, itemIndex) => {
            expect(item.number).toBe(itemIndex + 1);
            expect(item.label).toBe(`（${formatCitationLabel({ article: item.number }).slice(1, -1)}）`);
            expect(lines[itemIndex + 1]).toMatch(/^[(（][一二三四五六七八九十]+[)）]/);
            expect(lines[itemIndex + 1]?.endsWith(item.text)).toBe(true);
          });
        });
      }
    });

    it('labels articles as they are cited', () => {
      for (const article of file.articles) {
        expect(article.label).toBe(formatCitationLabel({ city, article: article.number }));
        expect(article.text.startsWith(article.label)).toBe(false);
      }
    });

    it('numbers chapters in order, every article in one', () => {
      const chapters = file.articles.map((article) => article.chapter?.number ?? 0);
      expect(chapters[0]).toBe(1);
      expect(chapters.every((number, index) => index === 0 || number - (chapters[index - 1] ?? 0) <= 1)).toBe(true);
      expect(chapters.every((number, index) => index === 0 || number >= (chapters[index - 1] ?? 0))).toBe(true);
    });

    it('leaves no page chrome in the catalogue', () => {
      const all = simplifiedStrings(file).join('\n');
      for (const chrome of ['本网站', '点击数', '刷新页面', '基本介绍', '审议结果报告', '相关报导', '首页 >', '来源:']) {
        expect(all).not.toContain(chrome);
      }
    });

    it('keeps no traditional character and no Taiwan-localisation artefact in `text`', () => {
      for (const text of simplifiedStrings(file)) {
        expect(convertTaiwanCharacters(text)).toBe(text);
        for (const entry of PHRASE_TABLE) expect(text).not.toContain(entry.from);
      }
    });

    it('states its dates where the page states them', () => {
      const note = toMainlandSimplified(page);
      const chinese = (iso: string): string => {
        const [year, month, day] = iso.split('-').map(Number);
        return `${year}年${month}月${day}日`;
      };
      for (const date of [file.law.adopted, file.law.approved]) {
        if (date !== null) expect(note).toContain(chinese(date));
      }
      if (file.law.inForceFrom !== null && city !== 'zhangjiakou') {
        expect(file.articles.at(-1)?.text).toContain(`自${chinese(file.law.inForceFrom)}起施行`);
      }
    });
  });

  it('gives every law the metadata of the spec table', () => {
    const meta = Object.fromEntries(
      CITY_KEYS.map((city) => {
        const { title, status, adopted, approved, inForceFrom } = ruleFile(city).law;
        return [city, [title, status, adopted, approved, inForceFrom]];
      }),
    );
    expect(meta).toEqual({
      shenyang: ['沈阳市社区建设促进条例（草案）', 'draft', null, null, null],
      dalian: ['大连市基层社会治理促进条例（草案）', 'draft', null, null, null],
      guiyang: ['贵阳市社区工作条例', 'in-force', '2013-07-12', '2013-09-27', '2013-12-01'],
      tonghua: ['通化市社区治理促进条例', 'in-force', '2023-04-26', '2023-05-30', '2023-07-01'],
      zhangjiakou: ['张家口市人民代表大会常务委员会关于推进社区治理的决定', 'in-force', '2020-11-17', null, '2020-11-17'],
    });
    expect(ruleFile('dalian').law.published).toBe('2023-08-31');
  });

  it('names the enacting and approving bodies the pages name', () => {
    expect(ruleFile('guiyang').law.enactingBody).toBe('贵阳市第十三届人民代表大会常务委员会');
    expect(ruleFile('guiyang').law.approvingBody).toBe('贵州省第十二届人民代表大会常务委员会');
    expect(ruleFile('tonghua').law.enactingBody).toBe('通化市第九届人民代表大会常务委员会');
    expect(ruleFile('tonghua').law.approvingBody).toBe('吉林省第十四届人民代表大会常务委员会');
    expect(ruleFile('zhangjiakou').law.enactingBody).toBe('张家口市第十四届人民代表大会常务委员会');
    expect(ruleFile('shenyang').law.enactingBody).toBeNull();
  });

  it('changes nothing in the four simplified laws when the text pipeline runs on them', () => {
    for (const city of CITY_KEYS.filter((key) => !SEED_PAGES[key].traditional)) {
      for (const text of simplifiedStrings(ruleFile(city))) expect(toMainlandSimplified(text)).toBe(text);
      expect(ruleFile(city).articles.some((article) => article.sourceText !== undefined)).toBe(false);
    }
  });

  it('keeps Guiyang 第十四条 as three paragraphs, the first with items （一）–（三）', () => {
    const article = ruleFile('guiyang').articles[13];
    expect(article?.paragraphs).toHaveLength(3);
    expect(article?.paragraphs[0]?.items?.map((item) => item.label)).toEqual(['（一）', '（二）', '（三）']);
    expect(article?.paragraphs[2]?.text.startsWith('凡本条例未明确规定')).toBe(true);
  });

  it('undoes the Taiwan localisation in Guiyang with the mainland words', () => {
    const text = ruleFile('guiyang')
      .articles.map((article) => article.text)
      .join('\n');
    for (const word of ['网格化服务管理', '服务窗口', '群众满意度', '门户网站', '设置机构', '服务群众', '群众自治', '签订合同', '优化管理', '规定程序']) {
      expect(text).toContain(word);
    }
  });

  it('keeps the page spacing verbatim (Shenyang 第三十八条)', () => {
    expect(ruleFile('shenyang').articles[37]?.text).toBe('本条例自 年 月 日起施行。');
  });

  it('takes Dalian article titles out of their brackets', () => {
    const dalian = ruleFile('dalian');
    expect(dalian.articles[0]?.title).toBe('立法目的');
    expect(dalian.articles[0]?.text.startsWith('【')).toBe(false);
    expect(dalian.articles.every((article) => article.title !== undefined)).toBe(true);
  });

  it('gives Zhangjiakou its preamble, closing and four parts as chapters', () => {
    const zhangjiakou = ruleFile('zhangjiakou');
    expect(zhangjiakou.preamble?.startsWith('为贯彻落实')).toBe(true);
    expect(zhangjiakou.preamble?.endsWith('作如下决定。')).toBe(true);
    expect(zhangjiakou.closing).toBe('本决定自通过之日起施行。');
    expect(zhangjiakou.articles.at(-1)?.text).not.toContain('本决定');
    expect(zhangjiakou.articles[2]?.label).toBe('（三）');
    expect(zhangjiakou.articles[2]?.paragraphs).toHaveLength(4);
    expect(new Set(zhangjiakou.articles.map((article) => article.chapter?.label))).toEqual(
      new Set(['一、', '二、', '三、', '四、']),
    );
  });

  it('gives chapters their words without the heading letter-spacing', () => {
    expect(ruleFile('tonghua').articles[0]?.chapter).toEqual({ number: 1, label: '第一章', title: '总则' });
    expect(ruleFile('guiyang').articles[6]?.chapter).toEqual({ number: 2, label: '第二章', title: '社区建设与治理' });
  });

  it('refuses a page whose article numbers skip', () => {
    const broken = seedText('tonghua').replace('第二条　', '');
    expect(() => deriveCatalogue('tonghua', broken)).toThrow();
  });

  it('refuses a seed table date the page contradicts', () => {
    const broken = seedText('tonghua').replace('2023年4月26日', '2023年4月27日');
    expect(() => deriveCatalogue('tonghua', broken)).toThrow(/2023-04-27/);
  });
});
