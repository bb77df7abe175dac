/**
 * Freezes a value and everything reachable from it, in place, and returns it.
 * What the library hands out is either fresh or frozen this way, so a caller editing a result
 * (a citation's text, an article of the catalogue) cannot change what later calls return.
 *
 * @example
 * const citation = deepFreeze({ label: '第十条', liability: { article: 40 } });
 * Object.isFrozen(citation.liability) //=> true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

