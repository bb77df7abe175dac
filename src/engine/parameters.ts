import { substitutePlaceholders } from '../locales/types.js';
import type { CheckEntry } from '../types.js';

/**
 * Parameters: a rule file writes `{ "param": "tolerance" }` where the value goes (and `{tolerance}`
 * in a message), and declares the default with its one-line reason in the check's `parameters`.
 * Callers may override per check id; this substitutes the values once, when the rules are
 * compiled, before the rule reaches the engine (nothing is looked up per record).
 */
export function resolveParameters(check: CheckEntry, overrides: Readonly<Record<string, number>> = {}): CheckEntry {
  const declared = check.parameters ?? {};
  // Own keys only: 'constructor' or '__proto__' are names on Object.prototype, not parameters.
  for (const name of Object.keys(overrides)) {
    const parameter = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (parameter === undefined) {
      const allowed = Object.keys(declared);
      throw new RangeError(
        `check '${check.id}' has no parameter '${name}'` +
          (allowed.length > 0 ? ` (it has: ${allowed.join(', ')})` : ' (it has none)'),
      );
    }
    const value = overrides[name] as number;
    if (!(value >= parameter.min && value <= parameter.max)) {
      throw new RangeError(`check '${check.id}': parameter '${name}' must be from ${parameter.min} to ${parameter.max} (got ${value}); ${parameter.reason}`);
    }
  }
  const values: Record<string, number> = {};
  for (const [name, parameter] of Object.entries(declared)) values[name] = Object.hasOwn(overrides, name) ? (overrides[name] as number) : parameter.default;
  const substitute = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(substitute);
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length === 1 && entries[0]![0] === 'param' && typeof entries[0]![1] === 'string') {
      const name = entries[0]![1];
      if (!Object.hasOwn(values, name)) throw new RangeError(`check '${check.id}' uses undeclared parameter '${name}'`);
      return values[name];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, substitute(v)]));
  };
  // A message may name a parameter (`偏离“{households}户左右”的标准`), so a what-if is worded as it is judged.
  const word = (template: string): string => substitutePlaceholders(template, values);
  const localized = (text: { zh: string; en: string }) => ({ zh: word(text.zh), en: word(text.en) });
  const message = { fail: localized(check.message.fail), ...(check.message.pass ? { pass: localized(check.message.pass) } : {}) };
  return { ...check, message, conditions: substitute(check.conditions) as CheckEntry['conditions'] };
}
