import type { FactRef } from './derivedFacts.js';

/**
 * Resolves the JSONPath subset the rule files use (`$.member.member`) — what json-rules-engine's
 * default resolver (jsonpath-plus) returns for those paths, without its cost on a hot path.
 */
export function resolvePath(value: unknown, path: string): unknown {
  if (!path || path === '$') return value;
  let current: unknown = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A fact reference's value in a record's facts. */
export function resolveRef(facts: Record<string, unknown>, ref: FactRef): unknown {
  const base = facts[ref.fact];
  return ref.path ? resolvePath(base, ref.path) : base;
}

/** `facts.emergency.plan` for `{ fact: "emergency", path: "$.plan" }`. */
export function refToPath(ref: FactRef): string {
  const tail = ref.path ? ref.path.replace(/^\$/, '') : '';
  return `facts.${ref.fact}${tail}`;
}
