import type { InputItem } from '../input.js';
import { ByteWindow } from './byteWindow.js';
import { unlessDuplicateKeys } from './duplicateKeys.js';
import { describeByte, JsonValueScanner, type ScanOutcome } from './jsonScanner.js';

/**
 * Streams the elements of a top-level JSON array, one item per element, without reading the file
 * whole: memory is bounded by the longest element (at most `maxElementBytes`), not by the array.
 *
 * A broken element never hides the others. Each element is scanned strictly (a raw line end in a
 * string, a missing ':' or ',' are errors at the byte where they occur); on an error the reader
 * looks, from just after the start of the broken element, for the next place where an element
 * plausibly starts — an opening '{' that begins with one of the first keys of the elements read so
 * far (`{"id"` for records) — and resumes there once a whole element parses from it and is
 * followed by ',' or ']'. An object after a ',' with another first key is taken for an element
 * only if most of its keys are keys the elements have (`{"city":…,"id":…}`, not the `{"year":…}`
 * of a nested list), so elements whose keys come in differing orders keep their indexes too. The
 * text it skipped is reported as one invalid item (flagged `undelimited`) carrying the index the
 * element had.
 *
 * Known limits: a nested object that starts with an element's first key, or whose keys are mostly
 * the elements' own, may be taken for the next element; elements that are not objects, or objects
 * with more than MAX_FIRST_KEYS different first keys, give no keys to go by (then any whole value
 * after a ',' that is followed by ',' or ']' is taken).
 */

export interface JsonArrayReaderOptions {
  /** An element longer than this is reported invalid and skipped without being kept in memory. */
  maxElementBytes: number;
}

export interface ReaderStart {
  /** Physical line of the first byte given. */
  line: number;
  /** Whether the byte before the first one given was a CR (so a leading LF ends no line). */
  afterCR: boolean;
}

type State = 'open' | 'expect' | 'element' | 'after' | 'closed' | 'broken' | 'trial' | 'trialAfter' | 'done';

interface Held {
  start: number;
  line: number;
  index: number;
  item: InputItem;
}

/** At most this many elements wait for what follows them (see `held`). */
const MAX_HELD = 16;
/** More different first keys than this among the elements: their first keys tell nothing. */
const MAX_FIRST_KEYS = 16;
/** At most this many key names of elements are remembered (to judge a candidate by its keys). */
const MAX_ELEMENT_KEYS = 256;

interface Span {
  start: number;
  line: number;
  /** The index the skipped element had; null for text after the closing ']'. */
  index: number | null;
  reason: string;
}

const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export class JsonArrayReader {
  private readonly window = new ByteWindow();
  private state: State = 'open';
  private pos = 0;
  private line: number;
  private afterCR: boolean;
  private nextIndex = 0;
  private eof = false;
  private out: InputItem[] = [];
  /**
   * Elements read whole but not reported yet: what follows may show they were cut short. The
   * last element is held until the next one starts like an element (same kind, same first key);
   * if what follows breaks first, they are all one element ended early by a stray bracket.
   */
  private held: Held[] = [];
  /** Whether the element being read follows a ',' (so a ']' now means a trailing comma). */
  private afterComma = false;
  private scanner: JsonValueScanner | null = null;
  private elementStart = 0;
  private elementLine = 0;
  private elementIndex = 0;
  private overlong = false;
  private span: Span | null = null;
  /** Candidate search: next byte to look at, and the last non-space byte before it. */
  private searchPos = 0;
  private lastNonSpace = 0;
  private trialStart = 0;
  private trialLine = 0;
  private trialAfterCR = false;
  private trialMatchesSignature = false;
  private trialEnd = 0;
  /**
   * The first keys of the elements read so far, as raw bytes (`"id"`, in latin1 so one char is one
   * byte); meaningful only while `keysTell` (every element an object with a key, few first keys).
   */
  private readonly firstKeys = new Set<string>();
  private keysTell = true;
  private longestFirstKey = 0;
  /** Key names (decoded) of the elements read whole, at most MAX_ELEMENT_KEYS of them. */
  private readonly elementKeys = new Set<string>();
  private signatureLearned = false;
  /** The kind of the first element read ('{', '[', '"', '0' or 't'), or null before one is read. */
  private opener: string | null = null;
  /** Broken stretches reported (elements that could not be delimited). */
  undelimited = 0;

  constructor(
    private readonly file: string,
    private readonly options: JsonArrayReaderOptions,
    start: ReaderStart = { line: 1, afterCR: false },
  ) {
    this.line = start.line;
    this.afterCR = start.afterCR;
  }

  push(chunk: Uint8Array): InputItem[] {
    this.window.append(chunk);
    this.run();
    return this.take();
  }

  end(): InputItem[] {
    this.eof = true;
    this.run();
    return this.take();
  }

  private take(): InputItem[] {
    const items = this.out;
    this.out = [];
    this.window.release(this.keepFrom());
    return items;
  }

  /** The earliest byte a later step may still look at. */
  private keepFrom(): number {
    switch (this.state) {
      case 'broken':
        return this.searchPos;
      case 'trial':
      case 'trialAfter':
        return this.trialStart;
      case 'done':
        return this.window.end;
      case 'element': {
        const from = this.overlong ? this.pos : this.elementStart;
        return Math.min(from, this.held[0]?.start ?? from);
      }
      default:
        return Math.min(this.pos, this.held[0]?.start ?? this.pos);
    }
  }

  private run(): void {
    for (;;) {
      const progressed = this.step();
      if (!progressed) return;
    }
  }

  /** One state transition; false when it needs more input (or is done). */
  private step(): boolean {
    switch (this.state) {
      case 'open': {
        const c = this.skipSpace();
        if (c === -1) return this.finishCut();
        // The caller starts us at '[' (its first non-space byte); text that does not open with
        // one is still read as the elements of an array, after saying so.
        if (c === OPEN_BRACKET) this.pos += 1;
        else this.invalid(this.line, null, `not valid JSON: the array does not open with '[' (found ${describeByte(c)} at line ${this.line})`);
        this.afterComma = false;
        this.state = 'expect';
        return true;
      }
      case 'expect':
        return this.stepExpect();
      case 'element':
        return this.stepElement();
      case 'after':
        return this.stepAfter();
      case 'closed':
        return this.stepClosed();
      case 'broken':
        return this.stepBroken();
      case 'trial':
        return this.stepTrial();
      case 'trialAfter':
        return this.stepTrialAfter();
      case 'done':
        return false;
    }
  }

  private stepExpect(): boolean {
    const c = this.skipSpace();
    if (c === -1) return this.finishCut();
    if (c === CLOSE_BRACKET) {
      this.releaseHeld();
      if (this.afterComma) this.invalid(this.line, null, "not valid JSON: a ',' right before the closing ']' (trailing comma)");
      this.pos += 1;
      this.state = 'closed';
      return true;
    }
    if (c === COMMA) {
      this.releaseHeld();
      this.invalid(this.line, this.nextIndex, "not valid JSON: empty array element (an extra ',')");
      this.nextIndex += 1;
      this.pos += 1;
      this.afterComma = true;
      return true;
    }
    // An element that does not start like the others keeps the one before held: if it breaks,
    // the two are one element cut short by a stray closing bracket.
    if (c === 0x7d) return this.skipStray(c);
    if (this.held.length > 0 && (this.held.length >= MAX_HELD || this.startsLikeAnElement(this.pos))) this.releaseHeld();
    if (c === OPEN_BRACKET && this.opener === '{') {
      // '[' before an element of an array of objects: a stray bracket, or an array nested on purpose.
      const next = this.peekNonSpace(this.pos + 1);
      if (next === 'more' || (next !== null && next.byte === OPEN_BRACE && !this.eof && this.window.end - next.at < this.signatureLength())) return false;
      if (next !== null && next.byte === OPEN_BRACE && this.startsLikeAnElement(next.at, true)) {
        this.releaseHeld();
        this.invalid(this.line, null, `not valid JSON: a stray '[' before an element at line ${this.line}; reading goes on`);
        this.pos += 1;
        return true;
      }
    }
    this.startElement();
    return true;
  }

  private startElement(): void {
    this.elementStart = this.pos;
    this.elementLine = this.line;
    this.elementIndex = this.nextIndex;
    this.nextIndex += 1;
    this.overlong = false;
    this.scanner = new JsonValueScanner(this.line, this.afterCR);
    this.state = 'element';
  }

  private stepElement(): boolean {
    const scanner = this.scanner as JsonValueScanner;
    const outcome = this.scanWith(scanner, this.pos, this.eof);
    if (outcome.status === 'more') {
      this.pos = this.window.end;
      if (!this.overlong && this.pos - this.elementStart > this.options.maxElementBytes) {
        this.overlong = true;
        this.releaseHeld();
      }
      return false;
    }
    if (outcome.status === 'error') {
      this.line = outcome.line;
      this.afterCR = false;
      if (this.held.length > 0 && outcome.at > this.elementStart) {
        // The element before this one ended early: report them as one broken element.
        this.spanFromHeld(outcome.message);
      } else if (this.overlong) {
        const reason = `${outcome.message}; the element is longer than ${this.options.maxElementBytes} bytes`;
        this.beginSpan(this.elementStart, this.elementLine, this.elementIndex, reason, outcome.at, outcome.line);
      } else {
        this.beginSpan(this.elementStart, this.elementLine, this.elementIndex, outcome.message, this.elementStart + 1, this.elementLine);
      }
      return true;
    }
    this.pos = outcome.end;
    this.line = scanner.line;
    this.afterCR = false;
    const item =
      this.overlong || outcome.end - this.elementStart > this.options.maxElementBytes
        ? this.tooLong(this.elementLine, this.elementIndex)
        : this.parse(this.elementStart, outcome.end, this.elementLine, this.elementIndex);
    if (item.type === 'record') this.learnSignature(this.elementStart, item.value);
    this.held.push({ start: this.elementStart, line: this.elementLine, index: this.elementIndex, item });
    this.state = 'after';
    return true;
  }

  private stepAfter(): boolean {
    const c = this.skipSpace();
    if (c === -1) return this.finishCut();
    if (c === COMMA) {
      this.pos += 1;
      this.afterComma = true;
      this.state = 'expect';
      return true;
    }
    if (c === CLOSE_BRACKET) {
      this.releaseHeld();
      this.pos += 1;
      this.state = 'closed';
      return true;
    }
    if ((c === 0x7d || c === OPEN_BRACKET) && this.opener === '{') return this.skipStray(c);
    if (c === OPEN_BRACE && this.hasSignature()) {
      if (!this.eof && this.window.end - this.pos < this.signatureLength()) return false;
      if (!this.startsLikeAnElement(this.pos, true)) return this.skipStray(c);
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.releaseHeld();
      this.invalid(this.line, null, `not valid JSON: missing ',' between array elements at line ${this.line}`);
      this.afterComma = false;
      this.startElement();
      return true;
    }
    // Something that cannot follow an element: the element was cut short by a stray bracket.
    this.spanFromHeld(`unexpected ${describeByte(c)} at line ${this.line} (expected ',' or ']')`);
    return true;
  }

  private stepClosed(): boolean {
    const c = this.skipSpace();
    if (c === -1) {
      if (this.eof) {
        this.state = 'done';
      }
      return false;
    }
    if (c === COMMA) {
      this.invalid(this.line, null, `not valid JSON: a stray ']' closes the array early (line ${this.line}); reading goes on`);
      this.pos += 1;
      this.afterComma = true;
      this.state = 'expect';
      return true;
    }
    // `,]{…}`: an element that starts like the others after the ']' means the ']' was stray, not
    // the end; reading it as an element keeps its index (one less would shift every later one).
    if (c === OPEN_BRACE && this.hasSignature()) {
      if (!this.eof && this.window.end - this.pos < this.signatureLength()) return false;
      if (this.startsLikeAnElement(this.pos, true)) {
        this.invalid(this.line, null, `not valid JSON: a stray ']' before an element at line ${this.line}; reading goes on`);
        this.startElement();
        return true;
      }
    }
    this.beginSpan(this.pos, this.line, null, `unexpected text after the closing ']' at line ${this.line}`, this.pos, this.line);
    return true;
  }

  /** A bracket that belongs to no element (between elements): reported, skipped, reading goes on. */
  private skipStray(c: number): boolean {
    this.releaseHeld();
    this.invalid(this.line, null, `not valid JSON: a stray ${describeByte(c)} between array elements at line ${this.line}; reading goes on`);
    this.pos += 1;
    return true;
  }

  /** The held elements and what broke after them are one broken element, at the first one's index. */
  private spanFromHeld(reason: string): void {
    const first = this.held[0];
    if (first === undefined) {
      // Nothing held (a stray bracket released it): the broken stretch starts here, at no element's index.
      this.beginSpan(this.pos, this.line, null, reason, this.pos + 1, this.line);
      return;
    }
    this.held = [];
    this.nextIndex = first.index + 1;
    this.beginSpan(first.start, first.line, first.index, reason, first.start + 1, first.line);
  }

  /** Starts skipping a broken stretch; the search for the next element begins at `searchFrom` (on `searchLine`). */
  private beginSpan(start: number, line: number, index: number | null, reason: string, searchFrom: number, searchLine: number): void {
    this.span = { start, line, index, reason };
    if (!this.signatureLearned && this.firstKeys.size === 0 && this.window.first <= start && this.window.byteAt(start) === OPEN_BRACE) {
      // No whole element read yet: guess the elements' first key from the broken one's.
      const key = this.firstKeyAt(start);
      if (key !== null && /^"[A-Za-z_$][\w$]*"$/.test(key)) {
        this.addFirstKey(key);
        this.elementKeys.add(key.slice(1, -1));
        this.opener = '{';
      }
    }
    this.scanner = null;
    this.state = 'broken';
    this.searchPos = searchFrom;
    this.lastNonSpace = searchFrom > this.window.first ? this.window.byteAt(searchFrom - 1) : 0;
    this.line = searchLine;
    this.afterCR = false;
  }

  private stepBroken(): boolean {
    const { bytes, shift } = this.window.view();
    const end = this.window.end;
    let i = this.searchPos;
    while (i < end) {
      const c = bytes[i + shift] as number;
      if (c === 0x0d) {
        this.line += 1;
        this.afterCR = true;
      } else if (c === 0x0a) {
        if (!this.afterCR) this.line += 1;
        this.afterCR = false;
      } else {
        this.afterCR = false;
        if (c !== 0x20 && c !== 0x09) {
          const opens = c === OPEN_BRACE || (c === OPEN_BRACKET && this.opener !== '{');
          // After a ',' any opening; after a closing bracket or '[' (a comma lost to the break,
          // a stray '['), only one that starts like the elements.
          const afterSeparator = this.lastNonSpace === COMMA;
          const afterClose = this.lastNonSpace === 0x7d || this.lastNonSpace === CLOSE_BRACKET || this.lastNonSpace === OPEN_BRACKET;
          if (opens && (afterSeparator || (afterClose && this.hasSignature()))) {
            if (end - i < this.signatureLength() + 8 && !this.eof) {
              this.searchPos = i;
              return false;
            }
            const matches = this.hasSignature() && this.startsLikeAnElement(i, true);
            if (!afterSeparator && !matches) {
              this.lastNonSpace = c;
              i += 1;
              continue;
            }
            this.searchPos = i;
            this.pos = i;
            this.trialStart = i;
            this.trialLine = this.line;
            this.trialAfterCR = this.afterCR;
            this.trialMatchesSignature = matches;
            this.scanner = new JsonValueScanner(this.line, this.afterCR);
            this.state = 'trial';
            return true;
          }
          this.lastNonSpace = c;
        }
      }
      i += 1;
    }
    this.searchPos = end;
    if (!this.eof) return false;
    this.closeSpan(null);
    this.state = 'done';
    return false;
  }

  private stepTrial(): boolean {
    const scanner = this.scanner as JsonValueScanner;
    const outcome = this.scanWith(scanner, this.pos, this.eof);
    if (outcome.status === 'more') {
      this.pos = this.window.end;
      if (this.pos - this.trialStart <= this.options.maxElementBytes) return false;
      this.rejectTrial(`longer than ${this.options.maxElementBytes} bytes`);
      return true;
    }
    if (outcome.status === 'error') {
      this.rejectTrial(outcome.message);
      return true;
    }
    this.trialEnd = outcome.end;
    this.trialLineAtEnd = scanner.line;
    this.state = 'trialAfter';
    return true;
  }

  private trialLineAtEnd = 0;

  private stepTrialAfter(): boolean {
    const next = this.peekNonSpace(this.trialEnd);
    if (next === 'more') return false;
    if (this.hasSignature() && !this.trialMatchesSignature && !this.keysLikeElements(this.trialStart, this.trialEnd)) {
      // A whole value that does not start like the elements and whose keys are not theirs: an
      // object nested in the broken one. (Being followed by an element proves nothing: the
      // objects of a nested list cut after one of them are followed by the next element too.)
      this.rejectTrial(null);
      return true;
    }
    if (next !== null && next.byte === COMMA) return this.acceptTrial();
    if (next !== null && next.byte === CLOSE_BRACKET) {
      if (this.trialMatchesSignature) return this.acceptTrial();
      const after = this.peekNonSpace(next.at + 1);
      if (after === 'more') return false;
      if (after === null) return this.acceptTrial();
      this.rejectTrial(null);
      return true;
    }
    this.rejectTrial(next === null ? 'the array is cut off after it' : `unexpected ${describeByte(next.byte)} after it (expected ',' or ']')`);
    return true;
  }

  /** Whether the object starting at `at` starts with a key that the elements read so far have. */
  private firstKeyIsElementKey(at: number): boolean {
    const raw = this.firstKeyAt(at);
    if (raw === null) return false;
    try {
      return this.elementKeys.has(JSON.parse(Buffer.from(raw, 'latin1').toString('utf8')) as string);
    } catch {
      return false;
    }
  }

  /**
   * Whether the whole value in [from, to) is an object at least half of whose keys (and one) are
   * keys of the elements read so far.
   */
  private keysLikeElements(from: number, to: number): boolean {
    if (this.window.byteAt(from) !== OPEN_BRACE || to - from > this.options.maxElementBytes) return false;
    let value: unknown;
    try {
      value = JSON.parse(this.window.text(from, to));
    } catch {
      return false;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(value);
    const known = keys.filter((key) => this.elementKeys.has(key)).length;
    return known > 0 && known * 2 >= keys.length;
  }

  private acceptTrial(): boolean {
    this.closeSpan(this.trialLine);
    const index = this.nextIndex;
    this.nextIndex += 1;
    const item =
      this.trialEnd - this.trialStart > this.options.maxElementBytes
        ? this.tooLong(this.trialLine, index)
        : this.parse(this.trialStart, this.trialEnd, this.trialLine, index);
    if (item.type === 'record') this.learnSignature(this.trialStart, item.value);
    this.held.push({ start: this.trialStart, line: this.trialLine, index, item });
    this.pos = this.trialEnd;
    this.line = this.trialLineAtEnd;
    this.afterCR = false;
    this.scanner = null;
    this.state = 'after';
    return true;
  }

  /**
   * The candidate did not hold: look further. One that is broken itself (`message`) and starts
   * like an element — with an element's first key, or at least with a key the elements have —
   * started an element of its own (two broken elements in a row keep their two indexes).
   */
  private rejectTrial(message: string | null): void {
    this.scanner = null;
    this.pos = this.trialStart;
    this.line = this.trialLine;
    this.afterCR = this.trialAfterCR;
    const ownElement = !this.hasSignature() || this.trialMatchesSignature || this.firstKeyIsElementKey(this.trialStart);
    if (message !== null && ownElement && this.span !== null && this.span.index !== null) {
      this.closeSpan(this.trialLine);
      this.span = { start: this.trialStart, line: this.trialLine, index: this.nextIndex, reason: message };
      this.nextIndex += 1;
    }
    this.searchPos = this.trialStart + 1;
    this.lastNonSpace = OPEN_BRACE;
    this.state = 'broken';
  }

  private closeSpan(resumeLine: number | null): void {
    const span = this.span;
    if (span === null) return;
    this.span = null;
    this.undelimited += 1;
    const then = resumeLine === null ? 'nothing readable follows it' : `reading resumed at line ${resumeLine}`;
    const what = span.index === null ? 'text after the array' : 'array element could not be delimited';
    this.out.push({
      type: 'unparsable',
      file: this.file,
      line: span.line,
      ...(span.index !== null ? { index: span.index } : {}),
      message: `not valid JSON: ${span.reason}; ${what}, ${then}`,
      undelimited: true,
    });
  }

  /** The input ended inside the array. */
  private finishCut(): boolean {
    if (!this.eof) return false;
    this.releaseHeld();
    this.invalid(this.line, null, `not valid JSON: the array is cut off (no closing ']' by line ${this.line})`);
    this.state = 'done';
    return false;
  }

  private scanWith(scanner: JsonValueScanner, from: number, eof: boolean): ScanOutcome {
    const { bytes, shift } = this.window.view();
    const end = this.window.end;
    const outcome = scanner.scan(bytes, from + shift, end + shift);
    if (outcome.status === 'done') return { status: 'done', end: outcome.end - shift };
    if (outcome.status === 'error') return { ...outcome, at: outcome.at - shift };
    if (!eof) return outcome;
    const final = scanner.finish(end + shift);
    if (final.status === 'done') return { status: 'done', end: final.end - shift };
    if (final.status === 'error') return { ...final, at: final.at - shift };
    return final;
  }

  private parse(from: number, to: number, line: number, index: number): InputItem {
    const text = this.window.text(from, to);
    try {
      return unlessDuplicateKeys({ type: 'record', file: this.file, line, index, value: JSON.parse(text) as unknown }, text);
    } catch (error) {
      return { type: 'unparsable', file: this.file, line, index, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private tooLong(line: number, index: number): InputItem {
    return {
      type: 'unparsable',
      file: this.file,
      line,
      index,
      message: `element longer than ${this.options.maxElementBytes} bytes (--max-line-bytes); not read`,
    };
  }

  private invalid(line: number, index: number | null, message: string): void {
    this.out.push({ type: 'unparsable', file: this.file, line, ...(index !== null ? { index } : {}), message });
  }

  private releaseHeld(): void {
    for (const held of this.held) this.out.push(held.item);
    this.held = [];
  }

  /**
   * Learns how elements start (their first keys, `"id"`) and which keys they have; gives up on
   * keys when an element is not an object with a key, or when first keys are too many to tell.
   */
  private learnSignature(start: number, value: unknown): void {
    const key = this.firstKeyAt(start);
    if (!this.signatureLearned) {
      this.signatureLearned = true;
      this.opener = kindOfByte(this.window.byteAt(start));
    }
    if (key === null) this.keysTell = false;
    if (!this.keysTell || key === null) return;
    this.addFirstKey(key);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of Object.keys(value)) {
        if (this.elementKeys.size >= MAX_ELEMENT_KEYS) break;
        this.elementKeys.add(name);
      }
    }
  }

  private addFirstKey(key: string): void {
    this.firstKeys.add(key);
    this.longestFirstKey = Math.max(this.longestFirstKey, key.length);
    if (this.firstKeys.size > MAX_FIRST_KEYS) this.keysTell = false;
  }

  /** Whether the elements' first keys are known and tell elements from nested objects. */
  private hasSignature(): boolean {
    return this.keysTell && this.firstKeys.size > 0;
  }

  /** Bytes to have after an opening '{' to read its first key (when first keys are known). */
  private signatureLength(): number {
    return this.hasSignature() ? this.longestFirstKey + 64 : 1;
  }

  /**
   * Whether an element starting at `at` looks like the others: an object (or array) opening, with
   * the learned first key when `strict`. Looks at most a few dozen bytes ahead.
   */
  private startsLikeAnElement(at: number, strict = false): boolean {
    const c = this.window.byteAt(at);
    if (this.opener === null) return c === OPEN_BRACE || c === OPEN_BRACKET;
    if (kindOfByte(c) !== this.opener) return false;
    if (!strict || !this.hasSignature()) return true;
    const key = this.firstKeyAt(at);
    return key !== null && this.firstKeys.has(key);
  }

  /** The raw first key of an object starting at `at` (`"id"`, latin1), if it is within the bytes held. */
  private firstKeyAt(at: number): string | null {
    const { bytes, shift } = this.window.view();
    const end = Math.min(this.window.end, at + 256);
    let i = at + shift;
    if (bytes[i] !== OPEN_BRACE) return null;
    i += 1;
    while (i < end + shift && isSpace(bytes[i] as number)) i += 1;
    if (bytes[i] !== 0x22) return null;
    const keyStart = i;
    i += 1;
    while (i < end + shift && bytes[i] !== 0x22 && bytes[i] !== 0x5c && (bytes[i] as number) >= 0x20) i += 1;
    if (i >= end + shift || bytes[i] !== 0x22) return null;
    return Buffer.from(bytes.subarray(keyStart, i + 1)).toString('latin1');
  }

  /** Skips spaces and line ends at `pos`, counting lines; the byte there, or -1 at the end of what is held. */
  private skipSpace(): number {
    const { bytes, shift } = this.window.view();
    const end = this.window.end;
    while (this.pos < end) {
      const c = bytes[this.pos + shift] as number;
      if (c === 0x0d) {
        this.line += 1;
        this.afterCR = true;
      } else if (c === 0x0a) {
        if (!this.afterCR) this.line += 1;
        this.afterCR = false;
      } else if (c === 0x20 || c === 0x09) {
        this.afterCR = false;
      } else {
        return c;
      }
      this.pos += 1;
    }
    return -1;
  }

  /** The next non-space byte from `at` without moving: null at the end of input, 'more' if unknown yet. */
  private peekNonSpace(at: number): { byte: number; at: number } | null | 'more' {
    const { bytes, shift } = this.window.view();
    const end = this.window.end;
    for (let i = at; i < end; i += 1) {
      const c = bytes[i + shift] as number;
      if (!isSpace(c)) return { byte: c, at: i };
    }
    return this.eof ? null : 'more';
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The kind of value a byte starts: '{', '[', '"', '0' (a number) or 't' (a literal). */
function kindOfByte(c: number): string {
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return '0';
  if (c >= 0x61 && c <= 0x7a) return 't';
  return String.fromCharCode(c);
}
