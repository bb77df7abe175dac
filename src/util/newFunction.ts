/**
 * `new Function(...)` where the page allows it. A browser's Content Security Policy without
 * 'unsafe-eval' refuses it (EvalError); the compilers that generate code (conditions, record
 * parsers) then use their closures. The Function constructor that refused is remembered, so that
 * it is asked once, whichever compiler asks; another one (a test's stand-in replaced by the real
 * one again) is asked afresh.
 */

let refusedBy: unknown;

/** The function `new Function(...params, body)` makes, or undefined where it is refused. */
export function newFunction(params: readonly string[], body: string): ((...args: unknown[]) => unknown) | undefined {
  const Generate = Function;
  if (Generate === refusedBy) return undefined;
  try {
    return new Generate(...params, body) as (...args: unknown[]) => unknown;
  } catch {
    refusedBy = Generate;
    return undefined;
  }
}
