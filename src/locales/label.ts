/**
 * Looks labels up in `labels.ts`. A missing label falls back to the identifier itself, so a new
 * fact never breaks a report; `labels.test.ts` makes sure none is missing.
 */
import type { LocalizedText } from '../types.js';
import { FACT_LABELS, VALUE_LABELS } from './labels.js';

export type Lang = keyof LocalizedText;
export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

/**
 * The key a fact path is labelled under: without `facts.` and without array indexes.
 *
 * @example factKey('facts.budgets.1.year') // 'budgets.year'
 */
export function factKey(path: string): string {
  let key = factKeys.get(path);
  if (key === undefined) {
    key = path
      .replace(/^facts\./, '')
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .join('.');
    // Findings ask for the same few paths again and again; a bound keeps odd input from growing it.
    if (factKeys.size < 4096) factKeys.set(path, key);
  }
  return key;
}

const factKeys = new Map<string, string>();

/** The label entry of a fact path, or undefined (kind-specific entries first). */
export function factLabelEntry(path: string, kind?: string): LocalizedText | undefined {
  // Findings label the same few paths of the same kinds record after record: looked up once each.
  let byPath = labelEntries.get(kind);
  if (byPath === undefined) {
    byPath = new Map();
    if (labelEntries.size < 256) labelEntries.set(kind, byPath);
  }
  let entry = byPath.get(path);
  if (entry === undefined) {
    const key = factKey(path);
    entry = (kind !== undefined ? ownLabel(`${kind}:${key}`) : undefined) ?? ownLabel(key) ?? null;
    if (byPath.size < 4096) byPath.set(path, entry);
  }
  return entry ?? undefined;
}

/** Label entries by kind, then by path; null where there is none. */
const labelEntries = new Map<string | undefined, Map<string, LocalizedText | null>>();

/** FACT_LABELS' own entry: not Object.prototype's `toString` or `constructor` for such a path. */
const ownLabel = (key: string): LocalizedText | undefined => (Object.hasOwn(FACT_LABELS, key) ? FACT_LABELS[key] : undefined);

/**
 * A fact path as a person reads it.
 *
 * @example labelFact('facts.emergency.plan', 'zh') // '应急预案'
 * @example labelFact('facts.households', 'zh', 'grid') // '网格户数'
 */
export function labelFact(path: string, lang: Lang, kind?: string): string {
  return factLabelEntry(path, kind)?.[lang] ?? path;
}

/** The label entry of one enum value held at a fact path, or undefined. */
export function valueLabelEntry(path: string, value: string): LocalizedText | undefined {
  const table = VALUE_LABELS[factKey(path)];
  return table !== undefined && Object.hasOwn(table, value) ? table[value] : undefined;
}

/**
 * An enum value as a person reads it.
 *
 * @example labelValue('facilityComponents', 'policeOffice', 'zh') // '警务室'
 */
export function labelValue(path: string, value: string, lang: Lang): string {
  return valueLabelEntry(path, value)?.[lang] ?? value;
}

/** A label from one of the small tables (cities, kinds, statuses…), else the key itself. */
export function labelOf(table: Readonly<Record<string, LocalizedText>>, key: string, lang: Lang): string {
  return Object.hasOwn(table, key) ? (table[key]?.[lang] ?? key) : key;
}

/** `--lang` default: Chinese when the locale environment says so, else English. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || env['LANGUAGE'] || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
