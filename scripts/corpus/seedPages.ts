import type { CityKey, LawStatus } from '../../src/types.js';

/**
 * Everything about the five laws that is not in their text, or that says where the text sits on
 * its scraped page. The law text itself is only ever read from seeds/*.txt.
 */
export interface SeedPage {
  city: CityKey;
  /** Path of the copy, relative to the package root. */
  file: string;
  /** The page or site the text was scraped from, as the page itself shows it. */
  page: string;
  /** Full title; the drafts carry a full-width （草案）. */
  title: string;
  status: LawStatus;
  adopted: string | null;
  approved: string | null;
  published: string | null;
  inForceFrom: string | null;
  /** Where the law starts: at a matching line, or just after one (a heading note). */
  bodyStart: { at: RegExp } | { after: RegExp };
  /** The first line of page chrome after the law; absent when the page ends with the law. */
  bodyEnd?: RegExp;
  /** `article`: 第X条 …; `decision`: Zhangjiakou's parts 一、 and items （一）. */
  structure: 'article' | 'decision';
  /** The page is traditional Chinese from a Taiwan-localised converter (Guiyang). */
  traditional: boolean;
}

export const SEED_PAGES: Readonly<Record<CityKey, SeedPage>> = {
  shenyang: {
    city: 'shenyang',
    file: 'seeds/shenyang-draft.txt',
    page: '转载网页，未署名站点；页脚：“本网站有关内容转载自合法授权网站”，联系电话 024-23187042',
    title: '沈阳市社区建设促进条例（草案）',
    status: 'draft',
    adopted: null,
    approved: null,
    published: null,
    inForceFrom: null,
    bodyStart: { at: /^第一章/ },
    bodyEnd: /^\*本网站/,
    structure: 'article',
    traditional: false,
  },
  dalian: {
    city: 'dalian',
    file: 'seeds/dalian-draft.txt',
    page: '大连瓦房店市市场协会网站 > 新闻中心 > 政府动态；来源：大连日报，更新时间 2023/8/31 11:30:35',
    title: '大连市基层社会治理促进条例（草案）',
    status: 'draft',
    adopted: null,
    approved: null,
    // The page's 更新时间: the day the draft was published for comment in 大连日报.
    published: '2023-08-31',
    inForceFrom: null,
    bodyStart: { at: /^第一章/ },
    bodyEnd: /^【刷新页面】/,
    structure: 'article',
    traditional: false,
  },
  guiyang: {
    city: 'guiyang',
    file: 'seeds/guiyang-2013.txt',
    page: '繁体中文百科词条“貴陽市社區工作條例”（台湾用语转换；附基本介紹、審議結果報告、相關報導、相關新聞、審議意見報告）',
    title: '贵阳市社区工作条例',
    status: 'in-force',
    adopted: '2013-07-12',
    approved: '2013-09-27',
    // 貴陽市人民代表大會常務委員會公告 2013年10月14日, quoted at the top of the page.
    published: '2013-10-14',
    inForceFrom: '2013-12-01',
    bodyStart: { at: /^第一章/ },
    bodyEnd: /^審議結果報告$/,
    structure: 'article',
    traditional: true,
  },
  tonghua: {
    city: 'tonghua',
    file: 'seeds/tonghua-2023.txt',
    page: '法规全文网页，无站点名称或栏目，仅标题与通过、批准题注',
    title: '通化市社区治理促进条例',
    status: 'in-force',
    adopted: '2023-04-26',
    approved: '2023-05-30',
    published: null,
    inForceFrom: '2023-07-01',
    bodyStart: { at: /^第一章/ },
    structure: 'article',
    traditional: false,
  },
  zhangjiakou: {
    city: 'zhangjiakou',
    file: 'seeds/zhangjiakou-2020.txt',
    page: '张家口市人大常委会网站：首页 > 专题专栏 > 重大事项；2020-11-26，来源：张家口市人大常委会',
    title: '张家口市人民代表大会常务委员会关于推进社区治理的决定',
    status: 'in-force',
    adopted: '2020-11-17',
    approved: null,
    published: null,
    // 本决定自通过之日起施行: in force on the day it was adopted.
    inForceFrom: '2020-11-17',
    bodyStart: { after: /^[(（]\d{4}年\d{1,2}月\d{1,2}日.+通过[)）]$/ },
    structure: 'decision',
    traditional: false,
  },
};
