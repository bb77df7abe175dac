/**
 * A rule condition (json-rules-engine JSON, parameters substituted) in words, for people reading
 * a check beside its article: {"fact":"assignedBy","operator":"in","value":["department"]} →
 * 交办单位为职能部门. Unknown operators and derived facts fall back to a plain rendering.
 */
import type { ConditionJson } from '../types.js';
import { labelFact, labelValue, type Lang } from './label.js';
import { fillPlaceholder } from './types.js';

interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const factRefPath = (ref: unknown): string | undefined =>
  isRecord(ref) && typeof ref['fact'] === 'string'
    ? `facts.${ref['fact']}${typeof ref['path'] === 'string' ? ref['path'].replace(/^\$/, '') : ''}`
    : undefined;

const JOIN: Record<Lang, { and: string; or: string; list: string; orList: string }> = {
  zh: { and: '，并且', or: '，或者', list: '、', orList: '或' },
  en: { and: ' and ', or: ' or ', list: ', ', orList: ' or ' },
};

/** The fact a leaf reads, as a label (derived facts described by their inputs). */
export function subject(leaf: Leaf, lang: Lang, kind?: string): string {
  const p = leaf.params ?? {};
  switch (leaf.fact) {
    case 'scaled': {
      const of = labelFact(factRefPath(p['of']) ?? '', lang, kind);
      const rate = Number(p['rate']);
      const per = Number(p['per']);
      return lang === 'zh' ? `${of}×${rate}/${per}` : `${of} × ${rate} / ${per}`;
    }
    case 'smallestOf': {
      const of = factRefPath(p['of']) ?? '';
      const field = labelFact(`${of}.${String(p['field'])}`, lang, kind);
      return lang === 'zh' ? `最小的${field}` : `the smallest ${field}`;
    }
    case 'yearOf': {
      const of = labelFact(factRefPath(p['of']) ?? '', lang, kind);
      const offset = Number(p['offsetYears']);
      if (lang === 'zh') return offset === 0 ? `${of}的年份` : `${of}的年份${offset < 0 ? '减' : '加'} ${Math.abs(offset)}`;
      return offset === 0 ? `the year of ${of}` : `the year of ${of} ${offset < 0 ? '−' : '+'} ${Math.abs(offset)}`;
    }
    default:
      return labelFact(`facts.${leaf.fact}${leaf.path ? leaf.path.replace(/^\$/, '') : ''}`, lang, kind);
  }
}

function valueWords(leaf: Leaf, value: unknown, lang: Lang, kind?: string): string {
  const ref = factRefPath(value);
  if (ref !== undefined) return labelFact(ref, lang, kind);
  const path = `facts.${leaf.fact}${leaf.path ? leaf.path.replace(/^\$/, '') : ''}`;
  if (typeof value === 'string') return labelValue(path, value, lang);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? labelValue(path, v, lang) : String(v))).join(JOIN[lang].list);
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function milestoneWords(leaf: Leaf, lang: Lang, kind?: string): string {
  const p = leaf.params ?? {};
  const stages = Array.isArray(p['stages']) ? (p['stages'] as string[]) : [];
  const stageList = stages.map((s) => labelValue('stage', s, lang)).join(JOIN[lang].list);
  const subjectLabel = labelFact(`facts.${String(p['subject'])}`, lang, kind);
  const referenceLabel = labelFact(`facts.${String(p['reference'])}`, lang, kind);
  const tolerance = Number(p['toleranceDays'] ?? 0);
  if (lang === 'zh') {
    return `项目已到达的每个阶段（${stageList}），${subjectLabel}不晚于${referenceLabel}${tolerance > 0 ? `（允许 ${tolerance} 天）` : ''}`;
  }
  return `at every stage the project has reached (${stageList}), the ${subjectLabel} are no later than the ${referenceLabel}${tolerance > 0 ? ` (+${tolerance} days)` : ''}`;
}

function leafWords(leaf: Leaf, lang: Lang, kind?: string): string {
  if (leaf.fact === 'milestoneSync' && leaf.value === true) return milestoneWords(leaf, lang, kind);
  const what = subject(leaf, lang, kind);
  const value = valueWords(leaf, leaf.value, lang, kind);
  const zh = lang === 'zh';
  switch (leaf.operator) {
    case 'equal':
      if (leaf.value === true) return zh ? `${what}：是` : `${what}: yes`;
      if (leaf.value === false) return zh ? `${what}：否` : `${what}: no`;
      return zh ? `${what}为${value}` : `${what} is ${value}`;
    case 'notEqual':
      if (leaf.value === true) return zh ? `${what}：否` : `${what}: no`;
      if (leaf.value === false) return zh ? `${what}：是` : `${what}: yes`;
      return zh ? `${what}不为${value}` : `${what} is not ${value}`;
    case 'in':
      return zh ? `${what}为${value.split(JOIN.zh.list).join(JOIN.zh.orList)}` : `${what} is ${value.split(JOIN.en.list).join(JOIN.en.orList)}`;
    case 'notIn':
      return zh ? `${what}不是${value}` : `${what} is none of ${value}`;
    case 'greaterThanInclusive':
      return zh ? `${what}不少于 ${value}` : `${what} ≥ ${value}`;
    case 'greaterThan':
      return zh ? `${what}多于 ${value}` : `${what} > ${value}`;
    case 'lessThanInclusive':
      return zh ? `${what}不多于 ${value}` : `${what} ≤ ${value}`;
    case 'lessThan':
      return zh ? `${what}少于 ${value}` : `${what} < ${value}`;
    case 'includesAll':
      return zh ? `${what}包括${value}` : `${what} include ${value}`;
    case 'everyValueIn':
      return zh ? `${what}均为${value}` : `every ${what} is ${value.split(JOIN.en.list).join(JOIN.en.orList)}`;
    case 'exists':
      return leaf.value === false ? (zh ? `未填写${what}` : `${what} is not given`) : zh ? `已填写${what}` : `${what} is given`;
    case 'nonEmpty':
      return leaf.value === false ? (zh ? `${what}为空` : `${what} is empty`) : zh ? `${what}不为空` : `${what} is not empty`;
    case 'lengthAtLeast':
      return zh ? `${what}至少 ${value} 项` : `${what} has at least ${fillPlaceholder(value, ['entry', 'entries'])}`;
    case 'withinTolerance': {
      const spec = isRecord(leaf.value) ? leaf.value : {};
      const target = Number(spec['target']);
      const tolerance = Number(spec['tolerance']);
      return zh
        ? `${what}在 ${target} 上下 ${Math.round(tolerance * 100)}% 以内（${target * (1 - tolerance)}–${target * (1 + tolerance)}）`
        : `${what} within ${Math.round(tolerance * 100)}% of ${target} (${target * (1 - tolerance)}–${target * (1 + tolerance)})`;
    }
    case 'nonDecreasingBy':
      return zh ? `${what}按年度不下降` : `${what} do not fall from year to year`;
    default:
      return `${what} ${leaf.operator} ${value}`;
  }
}

/**
 * A condition in words.
 *
 * @example conditionWords({ fact: 'hasServiceWindow', operator: 'equal', value: true }, 'zh') // '服务窗口：是'
 */
export function conditionWords(condition: ConditionJson, lang: Lang, kind?: string): string {
  if ('all' in condition) {
    if (condition.all.length === 0) return lang === 'zh' ? '总是' : 'always';
    return condition.all.map((c) => wrapped(c, lang, kind)).join(JOIN[lang].and);
  }
  if ('any' in condition) {
    if (condition.any.length === 0) return lang === 'zh' ? '从不' : 'never';
    return condition.any.map((c) => wrapped(c, lang, kind)).join(JOIN[lang].or);
  }
  if ('not' in condition) return lang === 'zh' ? `并非（${conditionWords(condition.not, lang, kind)}）` : `not (${conditionWords(condition.not, lang, kind)})`;
  return leafWords(condition as Leaf, lang, kind);
}

function wrapped(condition: ConditionJson, lang: Lang, kind?: string): string {
  const text = conditionWords(condition, lang, kind);
  const compound = ('all' in condition && condition.all.length > 1) || ('any' in condition && condition.any.length > 1);
  return compound ? (lang === 'zh' ? `（${text}）` : `(${text})`) : text;
}
