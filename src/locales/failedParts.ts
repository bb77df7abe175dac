/**
 * The parts of a multi-part check that failed, in words, for the sentence appended to its message:
 * 应急物资、应急演练 · 网格员人数不少于 1（实际 0）. The parts come from the trace (src/engine/trace.ts).
 */
import type { ConditionJson, ConditionTrace, LeafTrace } from '../types.js';
import { conditionWords, subject } from './conditionWords.js';
import { labelValue, type Lang } from './label.js';
import { formatQuantity } from './types.js';

const WORDS: Record<Lang, { yes: string; no: string; none: string; list: string; parts: string; simpleParts: string }> = {
  zh: { yes: '是', no: '否', none: '无', list: '、', parts: '；', simpleParts: '、' },
  en: { yes: 'yes', no: 'no', none: 'none', list: ', ', parts: '; ', simpleParts: ', ' },
};

const factPath = (leaf: { fact: string; path?: string }): string => `facts.${leaf.fact}${leaf.path ? leaf.path.replace(/^\$/, '') : ''}`;

/** A value held at a fact path, as a person reads it. */
function valueWords(path: string, value: unknown, lang: Lang): string {
  const w = WORDS[lang];
  if (value === null || value === undefined) return w.none;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return formatQuantity(value) ?? String(value);
  if (typeof value === 'string') return labelValue(path, value, lang);
  if (Array.isArray(value)) return value.length === 0 ? w.none : value.map((v) => valueWords(path, v, lang)).join(w.list);
  return JSON.stringify(value);
}

/** The condition a trace node was evaluated from (a leaf compares with its fact reference, not the value read). */
function conditionOf(trace: ConditionTrace): ConditionJson {
  if ('all' in trace) return { all: trace.all.map(conditionOf) };
  if ('any' in trace) return { any: trace.any.map(conditionOf) };
  if ('not' in trace) return { not: conditionOf(trace.not) };
  const { fact, path, params, operator, value, valueFact } = trace;
  return { fact, operator, value: valueFact ?? value, ...(path !== undefined ? { path } : {}), ...(params !== undefined ? { params } : {}) };
}

/** A required yes/no fact that is not yes: its label says it all. */
const isMissingYes = (trace: ConditionTrace): boolean =>
  'operator' in trace && trace.operator === 'equal' && trace.value === true && trace.valueFact === undefined;

/** A comparison with another fact: 已确定楼栋长的楼栋数等于楼栋数. */
function comparedWords(leaf: LeafTrace & { valueFact: NonNullable<LeafTrace['valueFact']> }, lang: Lang, kind?: string): string {
  const what = subject({ ...leaf, value: leaf.valueFact }, lang, kind);
  const other = subject({ ...leaf.valueFact, operator: leaf.operator, value: undefined }, lang, kind);
  if (leaf.operator === 'equal') return lang === 'zh' ? `${what}等于${other}` : `${what} equal to ${other}`;
  return conditionWords(conditionOf(leaf), lang, kind);
}

function leafWords(leaf: LeafTrace, lang: Lang, kind?: string): string {
  if (isMissingYes(leaf)) return subject({ ...leaf, value: true }, lang, kind);
  const actual = valueWords(factPath(leaf), leaf.actual, lang);
  if (leaf.valueFact === undefined) {
    const words = conditionWords(conditionOf(leaf), lang, kind);
    return lang === 'zh' ? `${words}（实际 ${actual}）` : `${words} (actual ${actual})`;
  }
  const words = comparedWords({ ...leaf, valueFact: leaf.valueFact }, lang, kind);
  const other = `${subject({ ...leaf.valueFact, operator: leaf.operator, value: undefined }, lang, kind)} ${valueWords(factPath(leaf.valueFact), leaf.value, lang)}`;
  return lang === 'zh' ? `${words}（实际 ${actual}，${other}）` : `${words} (actual ${actual}, ${other})`;
}

function partWords(part: ConditionTrace, lang: Lang, kind?: string): string {
  return 'operator' in part ? leafWords(part, lang, kind) : conditionWords(conditionOf(part), lang, kind);
}

/**
 * The failed parts in words, for the `{parts}` of the `failedParts` message.
 *
 * @example wordFailedParts([{ fact: 'emergency', path: '$.supplies', operator: 'equal', value: true, actual: false, truth: false }], 'zh') // '应急物资'
 * @example wordFailedParts([{ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false }], 'zh', 'grid') // '网格员人数不少于 1（实际 0）'
 */
export function wordFailedParts(parts: readonly ConditionTrace[], lang: Lang, kind?: string): string {
  const separator = parts.every(isMissingYes) ? WORDS[lang].simpleParts : WORDS[lang].parts;
  return parts.map((part) => partWords(part, lang, kind)).join(separator);
}
