/**
 * `JSON.stringify(value)` written straight into UTF-8 bytes, byte for byte the same as encoding
 * JSON.stringify's text, but faster on check results: a deeply frozen plain object or array (a
 * finding's citation, a message shared by every record it fits, an unknown finding's `missing`) is
 * serialized once and its bytes copied afterwards, and the rest is written by a loop in JavaScript
 * instead of being built as a string and then encoded.
 *
 * What the loop does not handle exactly as JSON.stringify does is not written by it: a value with
 * `toJSON`, a boxed primitive, a bigint, an object of another class than Object or Array, nesting
 * deeper than MAX_DEPTH (a cycle), or `toJSON` / an enumerable key on Object.prototype or
 * Array.prototype. Then the whole value is written from JSON.stringify (encoded), and what
 * JSON.stringify throws is thrown.
 */

const encoder = new TextEncoder();

/** Deeper than this, the value is left to JSON.stringify (it throws on a cycle, or writes it). */
const MAX_DEPTH = 64;

/** Frozen subtrees' JSON (UTF-8); NOT_CACHEABLE for frozen objects that cannot be cached. */
const frozenBytes = new WeakMap<object, Uint8Array>();
const NOT_CACHEABLE = new Uint8Array(0);

/** Thrown inside the writer to hand the whole value to JSON.stringify. */
const BAIL: unique symbol = Symbol('bail');

/** Strings longer than this are encoded by TextEncoder when SPECIAL finds nothing in them. */
const LONG_STRING = 24;
/** What JSON.stringify escapes, and surrogates (paired or not), which the loop handles. */
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `"key":` as bytes, for at most KEYS_KEPT keys. */
const keyBytes = new Map<string, Uint8Array>();
const KEYS_KEPT = 4096;

/**
 * An object written before, found by the last frozen object among its values (a finding's message):
 * its keys, its values (FRESH where a value was not a primitive or frozen), and where each field's
 * bytes (leading comma included) start and end in `bytes` (offsets from the object's `{`).
 */
interface Memo {
  keys: string[];
  values: unknown[];
  starts: number[];
  /** Where each field's value starts (after its key). */
  valueStarts: number[];
  ends: number[];
  bytes: Uint8Array;
  /** Views of `bytes` from a field's end to the last one's, made once: the usual last copy of a replay. */
  tails: Array<Uint8Array | undefined>;
}
const memos = new WeakMap<object, Memo>();
/** Equal to no value: a field whose value was a fresh object is always written again. */
const FRESH = Symbol('fresh');

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/** Whether Object.prototype and Array.prototype are as JSON.stringify expects them (no toJSON, nothing enumerable). */
function prototypesClean(): boolean {
  if ('toJSON' in OBJECT_PROTO || 'toJSON' in ARRAY_PROTO) return false;
  for (const _ in OBJECT_PROTO) return false;
  for (const _ in ARRAY_PROTO) return false;
  return true;
}

/**
 * Whether `value` and everything in it are frozen plain data (own data properties only, no
 * `toJSON`, plain prototypes): its JSON cannot change, so it can be cached.
 */
function frozenPlain(value: object, depth: number): boolean {
  if (depth > MAX_DEPTH || !Object.isFrozen(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value) ? proto !== ARRAY_PROTO : proto !== OBJECT_PROTO && proto !== null) return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key of Reflect.ownKeys(descriptors)) {
    if (key === 'toJSON') return false;
    const descriptor = descriptors[key as string]!;
    if (!('value' in descriptor)) return false;
    const inner = descriptor.value as unknown;
    if (typeof inner === 'bigint') return false;
    if (typeof inner === 'object' && inner !== null && !frozenPlain(inner, depth + 1)) return false;
  }
  return true;
}

/**
 * A growing byte buffer that JSON is written into. `bytes` / `length` are the JSON written so far;
 * `reset` starts again in the same memory.
 */
export class JsonBytes {
  bytes: Uint8Array;
  length = 0;
  /** Scratch per nesting depth: an object's keys and values, gathered before it is written. */
  private readonly keysAt: string[][] = [];
  private readonly valuesAt: unknown[][] = [];
  /** In `replay`: the last field written rather than copied (-1: none). */
  private lastWritten = -1;

  constructor(private readonly initialBytes = 64 * 1024) {
    this.bytes = new Uint8Array(initialBytes);
  }

  /** Starts again; memory grown for a huge value is let go. */
  reset(): void {
    this.length = 0;
    if (this.bytes.length > this.initialBytes * 16) this.bytes = new Uint8Array(this.initialBytes);
  }

  /**
   * Appends `JSON.stringify(value)`'s UTF-8 bytes and returns true; appends nothing and returns
   * false where JSON.stringify returns undefined (undefined, a function, a symbol).
   */
  write(value: unknown): boolean {
    const start = this.length;
    if (prototypesClean()) {
      try {
        return this.value(value, 0);
      } catch (error) {
        if (error !== BAIL) throw error;
        this.length = start;
      }
    }
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return false;
    this.encode(text);
    return true;
  }

  /** Appends one byte (e.g. a line feed). */
  byte(b: number): void {
    if (this.length === this.bytes.length) this.grow(1);
    this.bytes[this.length] = b;
    this.length += 1;
  }

  private grow(more: number): void {
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  /** Appends text (already JSON) encoded as UTF-8. */
  private encode(text: string): void {
    const room = text.length * 3;
    if (this.length + room > this.bytes.length) this.grow(room);
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  private value(value: unknown, depth: number): boolean {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return true;
      case 'number':
        if (Number.isFinite(value)) this.ascii(String(value));
        else this.ascii('null');
        return true;
      case 'boolean':
        this.ascii(value ? 'true' : 'false');
        return true;
      case 'object':
        if (value === null) this.ascii('null');
        else this.object(value, depth);
        return true;
      case 'undefined':
      case 'function':
      case 'symbol':
        return false;
      default:
        // bigint: JSON.stringify throws the error it should.
        throw BAIL;
    }
  }

  private object(value: object, depth: number): void {
    if (depth > MAX_DEPTH) throw BAIL;
    if (Object.isFrozen(value)) {
      let cached = frozenBytes.get(value);
      if (cached === undefined) {
        cached = NOT_CACHEABLE;
        if (frozenPlain(value, 0)) {
          const start = this.length;
          this.compose(value, depth);
          cached = this.bytes.slice(start, this.length);
          frozenBytes.set(value, cached);
          return;
        }
        frozenBytes.set(value, cached);
      }
      if (cached !== NOT_CACHEABLE) {
        const n = cached.length;
        if (this.length + n > this.bytes.length) this.grow(n);
        this.bytes.set(cached, this.length);
        this.length += n;
        return;
      }
    }
    this.compose(value, depth);
  }

  private compose(value: object, depth: number): void {
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== ARRAY_PROTO || (value as { toJSON?: unknown }).toJSON !== undefined) throw BAIL;
      this.byte(0x5b); // [
      const n = value.length;
      for (let i = 0; i < n; i += 1) {
        if (i > 0) this.byte(0x2c); // ,
        if (!this.value(value[i], depth + 1)) this.ascii('null');
      }
      this.byte(0x5d); // ]
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== OBJECT_PROTO && proto !== null) throw BAIL;
    const record = value as Record<string, unknown>;
    if (record.toJSON !== undefined) throw BAIL;
    // The fields, in JSON.stringify's order (for-in: own enumerable keys, the prototypes holding
    // nothing enumerable), and the last frozen object among the values, which finds a memo.
    const keys = (this.keysAt[depth] ??= []);
    const values = (this.valuesAt[depth] ??= []);
    let n = 0;
    let last: object | undefined;
    for (const key in record) {
      const field = record[key];
      keys[n] = key;
      values[n] = field;
      n += 1;
      if (typeof field === 'object' && field !== null) last = field;
    }
    if (last === undefined) return this.fields(keys, values, n, depth);
    // Usually the last object is the anchor (a finding's message) and has a memo: one lookup, no
    // Object.isFrozen per field. A fresh object is in no WeakMap (no identity hash): a cheap miss.
    let anchor: object | undefined = last;
    let memo = memos.get(last);
    if (memo === undefined) {
      anchor = undefined;
      for (let i = 0; i < n; i += 1) {
        const field = values[i];
        if (typeof field === 'object' && field !== null && Object.isFrozen(field)) anchor = field;
      }
      if (anchor === undefined) return this.fields(keys, values, n, depth);
      memo = memos.get(anchor);
    }
    if (memo !== undefined && memo.keys.length === n && this.replay(memo, keys, values, depth)) return;
    const start = this.length;
    this.byte(0x7b); // {
    let first = true;
    const starts: number[] = [];
    const valueStarts: number[] = [];
    const ends: number[] = [];
    const same: unknown[] = [];
    for (let i = 0; i < n; i += 1) {
      const at = this.length;
      if (!first) this.byte(0x2c);
      this.key(keys[i]!);
      valueStarts.push(this.length - start);
      const field = values[i];
      if (this.value(field, depth + 1)) first = false;
      else this.length = at;
      starts.push(at - start);
      ends.push(this.length - start);
      // A later object's field is written from these bytes when it is the same primitive or the same frozen object.
      same.push(typeof field !== 'object' || field === null || frozenBytes.get(field)?.length ? field : FRESH);
    }
    this.byte(0x7d); // }
    memos.set(anchor, { keys: keys.slice(0, n), values: same, starts, valueStarts, ends, bytes: this.bytes.slice(start, this.length), tails: [] });
  }

  /** An object's fields, none of them frozen: no memo. */
  private fields(keys: readonly string[], values: readonly unknown[], n: number, depth: number): void {
    this.byte(0x7b); // {
    let first = true;
    for (let i = 0; i < n; i += 1) {
      const at = this.length;
      if (!first) this.byte(0x2c);
      this.key(keys[i]!);
      if (this.value(values[i], depth + 1)) first = false;
      else this.length = at;
    }
    this.byte(0x7d); // }
  }

  /**
   * Writes an object from a memo of one with the same keys: the fields whose value is the same
   * are copied from its bytes, the others written. False (nothing written) when a field is
   * written where the memo's was left out or the other way round (the commas would differ).
   */
  private replay(memo: Memo, keys: readonly string[], values: readonly unknown[], depth: number): boolean {
    const start = this.length;
    const n = memo.keys.length;
    for (let i = 0; i < n; i += 1) if (keys[i] !== memo.keys[i]) return false;
    this.byte(0x7b);
    this.lastWritten = -1;
    const { bytes, starts, valueStarts, ends } = memo;
    // Bytes [from, to) of the memo are still to be copied.
    let from = starts[0] ?? 0;
    let to = from;
    for (let i = 0; i < n; i += 1) {
      const field = values[i];
      if (field === memo.values[i]) {
        to = ends[i]!;
        continue;
      }
      if (starts[i] === ends[i]) {
        this.length = start;
        return false;
      }
      // The comma and the key from the memo, the value written.
      this.copy(bytes, from, valueStarts[i]!);
      if (!this.value(field, depth + 1)) {
        this.length = start;
        return false;
      }
      from = ends[i]!;
      to = from;
      this.lastWritten = i;
    }
    if (to - from >= 32 && to === ends[n - 1]) {
      // From the end of field k (the last one written) to the end: a view made once.
      const k = this.lastWritten;
      const tail = k >= 0 && ends[k] === from ? (memo.tails[k] ??= bytes.subarray(from, to)) : bytes.subarray(from, to);
      const m = tail.length;
      if (this.length + m > this.bytes.length) this.grow(m);
      this.bytes.set(tail, this.length);
      this.length += m;
    } else this.copy(bytes, from, to);
    this.byte(0x7d);
    return true;
  }

  private copy(source: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.length + n > this.bytes.length) this.grow(n);
    if (n < 32) {
      const bytes = this.bytes;
      let at = this.length;
      for (let i = from; i < to; i += 1) bytes[at++] = source[i]!;
    } else this.bytes.set(source.subarray(from, to), this.length);
    this.length += n;
  }

  /** `"key":`, its bytes kept for the keys seen most. */
  private key(key: string): void {
    let bytes = keyBytes.get(key);
    if (bytes === undefined) {
      const at = this.length;
      this.string(key);
      this.byte(0x3a);
      if (keyBytes.size >= KEYS_KEPT) return;
      bytes = this.bytes.slice(at, this.length);
      keyBytes.set(key, bytes);
      return;
    }
    this.copy(bytes, 0, bytes.length);
  }

  /** Text known to be ASCII without anything to escape (numbers, literals). */
  private ascii(text: string): void {
    const n = text.length;
    if (this.length + n > this.bytes.length) this.grow(n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i += 1) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** A JSON string literal: quoted, escaped and encoded as JSON.stringify + UTF-8 would. */
  private string(text: string): void {
    const n = text.length;
    const room = n * 3 + 2;
    if (this.length + room > this.bytes.length) this.grow(room);
    const bytes = this.bytes;
    const start = this.length;
    let at = start;
    bytes[at++] = 0x22;
    if (n > LONG_STRING && !SPECIAL.test(text)) {
      // Nothing to escape, no surrogate: the encoder's own loop is faster on long text.
      at += encoder.encodeInto(text, bytes.subarray(at)).written;
      bytes[at++] = 0x22;
      this.length = at;
      return;
    }
    for (let i = 0; i < n; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 0x22 || c === 0x5c) {
          // Escapes: JSON.stringify's own.
          this.length = start;
          this.encode(JSON.stringify(text));
          return;
        }
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) {
          // A lone surrogate: JSON.stringify writes it as \\udxxx.
          this.length = start;
          this.encode(JSON.stringify(text));
          return;
        }
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        bytes[at++] = 0xf0 | (cp >> 18);
        bytes[at++] = 0x80 | ((cp >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((cp >> 6) & 0x3f);
        bytes[at++] = 0x80 | (cp & 0x3f);
        i += 1;
      }
    }
    bytes[at++] = 0x22;
    this.length = at;
  }
}
