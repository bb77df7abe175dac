import { DERIVED_ARTICLE_KEYS, DERIVED_RULE_FILE_KEYS, type DerivedCatalogue } from './derive.js';

export type JsonObject = { [key: string]: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of `source` that `derivedKeys` does not own, in their order. */
function handAuthored(source: JsonObject, derivedKeys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(source).filter(([key]) => !derivedKeys.includes(key)));
}

/**
 * `derived` values over `existing`, in the existing file's key order (so a person's layout, e.g.
 * `nonBinding` after `articles`, survives); keys new to the file follow in derived order.
 */
function mergeInOrder(derived: JsonObject, existing: JsonObject | undefined, derivedKeys: readonly string[]): JsonObject {
  const merged: JsonObject = {};
  for (const [key, value] of Object.entries(existing ?? {})) {
    if (!derivedKeys.includes(key)) merged[key] = value;
    else if (derived[key] !== undefined) merged[key] = derived[key];
  }
  for (const [key, value] of Object.entries(derived)) {
    if (!(key in merged) && value !== undefined) merged[key] = value;
  }
  return merged;
}

/**
 * Merges a freshly derived catalogue into the current rules/<city>.json, keeping everything people
 * wrote by hand: each article's `checks`, `noCheck` and any other key the corpus does not derive
 * (matched by article number), unknown keys of `law`, and top-level keys such as `nonBinding`.
 * New articles get `"checks": []`. Merging the result again changes nothing.
 *
 * @throws when the current file is not a rule file, or when an article with hand-authored data
 * has disappeared from the derived catalogue (its checks would be lost).
 */
export function mergeRuleFile(derived: DerivedCatalogue, existing: unknown): JsonObject {
  if (existing !== undefined && !isJsonObject(existing)) {
    throw new Error(`rules/${derived.city}.json: expected a JSON object`);
  }
  const current = existing ?? {};
  if (current.city !== undefined && current.city !== derived.city) {
    throw new Error(`rules/${derived.city}.json: its city is ${String(current.city)}`);
  }
  const currentArticles = current.articles ?? [];
  if (!Array.isArray(currentArticles) || !currentArticles.every(isJsonObject)) {
    throw new Error(`rules/${derived.city}.json: "articles" must be an array of objects`);
  }

  const byNumber = new Map(currentArticles.map((article) => [article.number, article]));
  const derivedNumbers = new Set(derived.articles.map((article) => article.number));
  for (const [number, article] of byNumber) {
    const kept = handAuthored(article, DERIVED_ARTICLE_KEYS);
    const hasContent = Object.values(kept).some((value) => !(Array.isArray(value) && value.length === 0));
    if (!derivedNumbers.has(number as number) && hasContent) {
      throw new Error(`rules/${derived.city}.json: article ${String(number)} has hand-authored data but is not in the seed`);
    }
  }

  const articles = derived.articles.map((article) => {
    const merged = mergeInOrder({ ...article }, byNumber.get(article.number), DERIVED_ARTICLE_KEYS);
    merged.checks ??= [];
    return merged;
  });

  const lawKeys = Object.keys(derived.law);
  const law = mergeInOrder({ ...derived.law }, isJsonObject(current.law) ? current.law : undefined, lawKeys);
  const top: JsonObject = { city: derived.city, law, preamble: derived.preamble, closing: derived.closing, articles };
  return mergeInOrder(top, existing === undefined ? undefined : current, DERIVED_RULE_FILE_KEYS);
}

/** rules/*.json layout: 2-space indentation, Chinese as is, a trailing newline. */
export function serializeRuleFile(ruleFile: JsonObject): string {
  return `${JSON.stringify(ruleFile, null, 2)}\n`;
}
