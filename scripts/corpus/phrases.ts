/**
 * The reviewed phrase table that undoes the Taiwan localisation of the Guiyang page. The page was
 * run through a mainland→Taiwan converter that swapped vocabulary, not just characters; opencc's
 * tw→cn step restores the characters only, so these phrases put the mainland words back. Each entry
 * was checked against the law's own usage (服务群众, 群众自治, 群众满意度 are the original wording).
 *
 * Applied to opencc's output, longest phrase first (see `applyPhraseTable`).
 */
export interface PhraseEntry {
  /** What the converter left (simplified characters, Taiwan vocabulary). */
  readonly from: string;
  /** The mainland wording of the law. */
  readonly to: string;
  /** One line: why this is a localisation artefact and not the law's word. */
  readonly reason: string;
}

export const PHRASE_TABLE: readonly PhraseEntry[] = [
  { from: '入口网站', to: '门户网站', reason: 'Taiwan 入口網站 = mainland 门户网站 (第三十二条 建立社区门户网站)' },
  { from: '最佳化', to: '优化', reason: 'Taiwan 最佳化 = mainland 优化 (第十条 优化管理)' },
  { from: '格线', to: '网格', reason: 'the converter mistook 网格 (grid) for 格線 (ruled lines); 网格化 is the mainland term' },
  { from: '视窗', to: '窗口', reason: 'Taiwan 視窗 = mainland 窗口 (service window, 第二十七、二十八条)' },
  { from: '程式', to: '程序', reason: 'Taiwan 程式 = mainland 程序 (规定程序, 第十五、二十九条)' },
  { from: '契约', to: '合同', reason: 'Taiwan 契約 = mainland 合同 (签订合同, 第二十九条)' },
  { from: '资讯', to: '信息', reason: 'Taiwan 資訊 = mainland 信息; the same page keeps 信息 elsewhere' },
  { from: '网路', to: '网络', reason: 'Taiwan 網路 = mainland 网络 (服务管理网络, 第三十、三十四条)' },
  { from: '计画', to: '计划', reason: 'Taiwan 計畫 = mainland 计划 (培训计划); opencc usually fixes it already' },
  { from: '民众', to: '群众', reason: 'the converter turns 群众 into 民眾; the law says 服务群众, 群众自治, 群众满意度' },
  { from: '设定', to: '设置', reason: 'Taiwan 設定 = mainland 设置 (设置机构 第九条, 居委会的设置 第三十条)' },
  { from: '製定', to: '制定', reason: 'the converter writes 製定 for 制定; opencc (製→制) fixes it first, kept as a guard' },
];

/**
 * Replaces every phrase of the table, longest first, in one left-to-right pass so that an output
 * is never rewritten again by a shorter entry.
 */
export function applyPhraseTable(text: string, table: readonly PhraseEntry[] = PHRASE_TABLE): string {
  if (table.length === 0) return text;
  const byLength = [...table].sort((a, b) => b.from.length - a.from.length);
  const replacements = new Map(byLength.map((entry) => [entry.from, entry.to]));
  const pattern = new RegExp(byLength.map((entry) => escapeRegExp(entry.from)).join('|'), 'g');
  return text.replace(pattern, (phrase) => replacements.get(phrase) ?? phrase);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
