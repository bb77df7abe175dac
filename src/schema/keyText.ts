/**
 * How a submitted key and a path into a record are written in messages, by record validation, the
 * evaluate options' check and the CLI's duplicate-key check alike, so one key or place reads the
 * same wherever it is reported.
 */

/** Submitted key names are quoted in messages up to this many characters. */
export const MAX_KEY_IN_MESSAGE = 64;

/** A submitted key as quoted in a message: cut to MAX_KEY_IN_MESSAGE characters, with its length. */
export function shownKey(key: string): string {
  return key.length <= MAX_KEY_IN_MESSAGE ? key : `${key.slice(0, MAX_KEY_IN_MESSAGE)}… (${key.length} characters)`;
}

/** A path as messages write it: its keys and array indexes joined by dots (facts.budgets.1.year). */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'symbol' ? segment.toString() : String(segment))).join('.');
}
