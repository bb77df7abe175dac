import type { FactRef } from './derivedFacts.js';

/**
 * Resolves the JSONPath subset the rule files use (`$.member.member`) — what json-rules-engine's
 * default resolver (jsonpath-plus) returns for those paths, without its cost on a hot path.
 */
export function resolvePath(value: unknown, path: string): unknown {
  return compilePath(path)(value);
}

const compiledPaths = new Map<string, (value: unknown) => unknown>();
const identity = (value: unknown): unknown => value;

/**
 * `resolvePath` with the path parsed once: the compiled evaluator calls the closure per record,
 * json-rules-engine's resolver goes through the same cache, so both read a path the same way.
 */
export function compilePath(path: string): (value: unknown) => unknown {
  let compiled = compiledPaths.get(path);
  if (compiled) return compiled;
  if (!path || path === '$') {
    compiled = identity;
  } else {
    const keys = path.replace(/^\$\.?/, '').split('.');
    compiled = (value: unknown): unknown => {
      let current: unknown = value;
      for (let i = 0; i < keys.length; i += 1) {
        if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
        current = (current as Record<string, unknown>)[keys[i]!];
      }
      return current;
    };
  }
  if (compiledPaths.size < 1024) compiledPaths.set(path, compiled);
  return compiled;
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
