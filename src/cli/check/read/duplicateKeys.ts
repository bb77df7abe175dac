/**
 * Duplicate keys in a record's JSON text. JSON.parse keeps the last of two values of one key and
 * says nothing, so `"serviceFacilityAreaSqm":700,…,"serviceFacilityAreaSqm":900` would be judged
 * as 900 with the 700 unseen; the reader reports such a record instead (`unlessDuplicateKeys`).
 *
 * Two steps, the first cheap enough to run on every record:
 * 1. Every key of the text is followed by exactly one ':' outside strings, with only whitespace
 *    between the key's closing '"' and it. So the text has at least as many ':' after a '"' as key
 *    occurrences, and the parsed value has as many keys as the text has occurrences only when no
 *    key repeats. When the ':' after a '"' are no more than the parsed keys, no key can repeat
 *    (the usual case: a ':' in a value, 12:00 or http://, follows no '"').
 * 2. Otherwise (a ':' inside a string, or a repeat), a scan of the text that knows strings and
 *    nesting confirms a repeated key and names it, or finds none.
 */
import { pathText, shownKey } from '../../../schema/keyText.js';
import type { InputItem } from '../input.js';

/** A key given twice in one object of the text. */
export interface DuplicateKey {
  key: string;
  /**
   * Where, spelt as validation spells the path of its errors (keys and array indexes joined by
   * dots, a long key cut as in messages): facts.serviceFacilityAreaSqm, facts.budgets.1.year.
   */
  path: string;
  /** Offset in the text of the key's second occurrence (its opening quote). */
  offset: number;
}

/** The first key given twice in one object of `text` (valid JSON that parsed to `value`), if any. */
export function findDuplicateKey(text: string, value: unknown): DuplicateKey | undefined {
  const keys = countKeys(value);
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let c = text.charCodeAt(before);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt((before -= 1));
    if (c !== QUOTE) continue;
    colons += 1;
    if (colons > keys) return scanForDuplicateKey(text);
  }
  return undefined;
}

/** Keys of `value` and of everything in it. */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) count += countKeys(value[i]);
    return count;
  }
  for (const key in value) count += 1 + countKeys((value as Record<string, unknown>)[key]);
  return count;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface Frame {
  /** The keys of an object so far; null for an array. */
  keys: Set<string> | null;
  /** The object's current key, or the array's current index. */
  at: string | number;
  /** An object expecting a key next (after '{' or ','). */
  expectsKey: boolean;
}

/** The careful step: a scan of valid JSON text that knows strings, escapes and nesting. */
export function scanForDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i += 1;
        } else if (d === QUOTE) break;
      }
      const top = stack[stack.length - 1];
      if (top !== undefined && top.keys !== null && top.expectsKey) {
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (top.keys.has(key)) {
          top.at = key;
          return { key, path: pathOf(stack), offset: start };
        }
        top.keys.add(key);
        top.at = key;
        top.expectsKey = false;
      }
    } else if (c === 0x7b /* { */) stack.push({ keys: new Set(), at: '', expectsKey: true });
    else if (c === 0x5b /* [ */) stack.push({ keys: null, at: 0, expectsKey: false });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top === undefined) continue;
      if (top.keys === null) top.at = (top.at as number) + 1;
      else top.expectsKey = true;
    }
  }
  return undefined;
}

/** The path of the current key, as validation writes one (`pathText`), so a filter on it finds both. */
function pathOf(stack: readonly Frame[]): string {
  return pathText(stack.map((frame) => (typeof frame.at === 'number' ? frame.at : shownKey(frame.at))));
}

/**
 * The reader's hook: `item` as parsed from `text`, or, when a key of the text repeats, the record
 * reported as unreadable with the key, its path and the line it is on.
 */
export function unlessDuplicateKeys<T extends InputItem>(item: T, text: string): T | InputItem {
  if (item.type !== 'record') return item;
  const duplicate = findDuplicateKey(text, item.value);
  if (duplicate === undefined) return item;
  let line = item.line;
  for (let at = text.indexOf('\n'); at !== -1 && at < duplicate.offset; at = text.indexOf('\n', at + 1)) line += 1;
  const where = JSON.stringify(shownKey(duplicate.key));
  return {
    type: 'unparsable',
    file: item.file,
    line: item.line,
    ...(item.index !== undefined ? { index: item.index } : {}),
    message: `duplicate key ${where} at ${duplicate.path} (line ${line}): a key given more than once leaves unclear which value counts; the record is not checked`,
    issue: {
      path: duplicate.path,
      code: 'duplicate-key',
      zh: `重复的键 ${where}（${duplicate.path}，第 ${line} 行）：同一个键出现不止一次，无法确定以哪个值为准；该记录不予检查。`,
      recordId: recordIdOf(item.value),
    },
  };
}

function recordIdOf(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}
