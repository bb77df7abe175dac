/**
 * Words the evidence of a finding (`DetailItem`s from the engine) in Chinese or English, with the
 * labels of `labels.ts`: 设施开工日期 2022-07-15 晚于项目开工日期 2022-06-01, not
 * `construction: 2022-07-15 > 2022-06-01`.
 */
import type { DetailItem } from '../engine/evidence.js';
import { labelFact, labelValue, type Lang } from './label.js';

const SEPARATOR: Record<Lang, { list: string; clause: string }> = {
  zh: { list: '、', clause: '；' },
  en: { list: ', ', clause: '; ' },
};

/**
 * One line for the `{detail}` placeholder of a message.
 *
 * @example wordDetail([{ type: 'missingValue', path: 'facts.facilityComponents', value: 'policeOffice' }], 'zh') // '警务室'
 * @example wordDetail([{ type: 'offendingValue', path: 'facts.utilityTariffs.gas', value: 'commercial' }], 'zh') // '用气价格为商业类价格'
 */
export function wordDetail(items: readonly DetailItem[], lang: Lang, kind?: string): string {
  const sep = SEPARATOR[lang];
  // Plain loops and string concatenation: this words evidence for every finding that has some
  // (flatMap and spread arrays here were ~3% of the library's evaluation time).
  let missing: string | undefined;
  let clauses: string | undefined;
  for (const item of items) {
    if (item.type === 'missingValue') {
      const value = labelValue(item.path, item.value, lang);
      missing = missing === undefined ? value : missing + sep.list + value;
      continue;
    }
    const clause = clauseOf(item, lang, kind);
    clauses = clauses === undefined ? clause : clauses + sep.clause + clause;
  }
  if (missing === undefined) return clauses ?? '';
  return clauses === undefined ? missing : missing + sep.clause + clauses;
}

/** The words of one item that is not a missing value (those are listed together). */
function clauseOf(item: Exclude<DetailItem, { type: 'missingValue' }>, lang: Lang, kind: string | undefined): string {
  switch (item.type) {
    case 'offendingValue': {
      const what = labelFact(item.path, lang, kind);
      const value = labelValue(item.path, item.value, lang);
      return lang === 'zh' ? `${what}为${value}` : `${what}: ${value}`;
    }
    case 'lateStage': {
      const subject = labelFact(`${item.subject}.${item.stage}`, lang, kind);
      const reference = labelFact(`${item.reference}.${item.stage}`, lang, kind);
      if (item.subjectDate === null) {
        return lang === 'zh' ? `${reference}为 ${item.referenceDate}，${subject}尚无` : `${reference} ${item.referenceDate}, ${subject}: none yet`;
      }
      return lang === 'zh'
        ? `${subject} ${item.subjectDate} 晚于${reference} ${item.referenceDate}`
        : `${subject} ${item.subjectDate}, later than ${reference} ${item.referenceDate}`;
    }
    case 'drop':
      return lang === 'zh' ? `${item.key} 年比 ${item.previousKey} 年` : `${item.key} against ${item.previousKey}`;
  }
}
