/**
 * A resumable byte-level JSON scanner: it finds where one JSON value ends and the first byte that
 * cannot belong to JSON, without building the value. Fed a window of bytes at a time, it keeps its
 * state between calls, so a value split across chunks is scanned once (linear time). Numbers and
 * literals are only delimited here; `JSON.parse` of the delimited text is the final judge.
 *
 * Line ends inside whitespace are counted (LF, CRLF and a lone CR each end one line), so errors
 * carry the physical line they were found on. Raw control characters inside a string are an
 * error: a string cut off at the end of its line is caught there, not lines later.
 */

const enum Mode {
  Value,
  ObjectKeyOrEnd,
  ObjectKey,
  Colon,
  AfterValue,
  ArrayValueOrEnd,
  String,
  StringEscape,
  StringUnicode,
  Number,
  Literal,
  Done,
}

export type ScanOutcome =
  | { status: 'more' }
  | { status: 'done'; end: number }
  | { status: 'error'; at: number; line: number; message: string };

const OBJECT = 0;
const ARRAY = 1;

const LITERALS = ['true', 'false', 'null'];

export class JsonValueScanner {
  private mode = Mode.Value;
  /** Open containers, innermost last (OBJECT / ARRAY). */
  private readonly stack: number[] = [];
  private stringIsKey = false;
  private hexLeft = 0;
  private literal = '';
  /** Physical line of the next byte. */
  line: number;
  private afterCR: boolean;

  constructor(line: number, afterCR = false) {
    this.line = line;
    this.afterCR = afterCR;
  }

  /**
   * Scans `bytes[from, to)`. 'more': everything was consumed and the value is not finished yet;
   * 'done': the value ends before `end` (exclusive); 'error': the byte at `at` cannot continue it.
   * At the end of the input call `finish(to)` instead of waiting for more.
   */
  scan(bytes: Uint8Array, from: number, to: number): ScanOutcome {
    let i = from;
    while (i < to) {
      const c = bytes[i] as number;
      switch (this.mode) {
        case Mode.String:
          if (c === 0x22) {
            this.mode = this.stringIsKey ? Mode.Colon : Mode.AfterValue;
            if (!this.stringIsKey && this.stack.length === 0) return this.done(i + 1);
          } else if (c === 0x5c) this.mode = Mode.StringEscape;
          else if (c < 0x20) return this.error(i, c, 'the closing \'"\' of a string (a string cannot hold a raw line end or control character)');
          i += 1;
          continue;
        case Mode.StringEscape:
          if (c === 0x75) {
            this.mode = Mode.StringUnicode;
            this.hexLeft = 4;
          } else if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) {
            this.mode = Mode.String;
          } else return this.error(i, c, 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
          i += 1;
          continue;
        case Mode.StringUnicode:
          if (!isHex(c)) return this.error(i, c, 'four hex digits after \\u');
          this.hexLeft -= 1;
          if (this.hexLeft === 0) this.mode = Mode.String;
          i += 1;
          continue;
        case Mode.Number:
          if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) {
            i += 1;
            continue;
          }
          this.mode = Mode.AfterValue;
          if (this.stack.length === 0) return this.done(i);
          continue; // the same byte, read as what follows a value
        case Mode.Literal:
          if (c >= 0x61 && c <= 0x7a) {
            this.literal += String.fromCharCode(c);
            if (this.literal.length > 5) return this.error(i, c, 'true, false or null');
            i += 1;
            continue;
          }
          if (!LITERALS.includes(this.literal)) return this.error(i, c, 'true, false or null');
          this.mode = Mode.AfterValue;
          if (this.stack.length === 0) return this.done(i);
          continue;
        default:
          break;
      }
      // Structural modes: whitespace first.
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        if (c === 0x0d) {
          this.line += 1;
          this.afterCR = true;
        } else {
          if (c === 0x0a && !this.afterCR) this.line += 1;
          this.afterCR = false;
        }
        i += 1;
        continue;
      }
      this.afterCR = false;
      switch (this.mode) {
        case Mode.Value:
        case Mode.ArrayValueOrEnd:
          if (c === 0x5d && this.mode === Mode.ArrayValueOrEnd) {
            const outcome = this.close(i, ARRAY);
            if (outcome) return outcome;
            break;
          }
          if (c === 0x7b) {
            this.stack.push(OBJECT);
            this.mode = Mode.ObjectKeyOrEnd;
          } else if (c === 0x5b) {
            this.stack.push(ARRAY);
            this.mode = Mode.ArrayValueOrEnd;
          } else if (c === 0x22) {
            this.mode = Mode.String;
            this.stringIsKey = false;
          } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.mode = Mode.Number;
          else if (c >= 0x61 && c <= 0x7a) {
            this.mode = Mode.Literal;
            this.literal = String.fromCharCode(c);
          } else return this.error(i, c, 'a value');
          break;
        case Mode.ObjectKeyOrEnd:
        case Mode.ObjectKey:
          if (c === 0x22) {
            this.mode = Mode.String;
            this.stringIsKey = true;
          } else if (c === 0x7d && this.mode === Mode.ObjectKeyOrEnd) {
            const outcome = this.close(i, OBJECT);
            if (outcome) return outcome;
          } else return this.error(i, c, this.mode === Mode.ObjectKey ? 'a key in quotes' : "a key in quotes or '}'");
          break;
        case Mode.Colon:
          if (c !== 0x3a) return this.error(i, c, "':' after a key");
          this.mode = Mode.Value;
          break;
        case Mode.AfterValue: {
          const inside = this.stack[this.stack.length - 1];
          if (c === 0x2c) this.mode = inside === OBJECT ? Mode.ObjectKey : Mode.Value;
          else if (c === 0x7d && inside === OBJECT) {
            const outcome = this.close(i, OBJECT);
            if (outcome) return outcome;
          } else if (c === 0x5d && inside === ARRAY) {
            const outcome = this.close(i, ARRAY);
            if (outcome) return outcome;
          } else return this.error(i, c, inside === OBJECT ? "',' or '}'" : "',' or ']'");
          break;
        }
        default:
          return this.error(i, c, 'nothing more');
      }
      i += 1;
    }
    return { status: 'more' };
  }

  /** The input ended at `at`: a number or literal at the top ends there; anything else is cut off. */
  finish(at: number): ScanOutcome {
    if (this.stack.length === 0 && this.mode === Mode.Number) return this.done(at);
    if (this.stack.length === 0 && this.mode === Mode.Literal && LITERALS.includes(this.literal)) return this.done(at);
    return { status: 'error', at, line: this.line, message: `cut off at line ${this.line} (the input ends inside it)` };
  }

  private close(at: number, kind: number): ScanOutcome | undefined {
    this.stack.pop();
    void kind;
    this.mode = Mode.AfterValue;
    return this.stack.length === 0 ? this.done(at + 1) : undefined;
  }

  private done(end: number): ScanOutcome {
    this.mode = Mode.Done;
    return { status: 'done', end };
  }

  private error(at: number, byte: number, expected: string): ScanOutcome {
    return { status: 'error', at, line: this.line, message: `unexpected ${describeByte(byte)} at line ${this.line} (expected ${expected})` };
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** A byte as a reader sees it: 'x' for printable ASCII, else its code. */
export function describeByte(byte: number): string {
  if (byte === 0x0a) return 'line end';
  if (byte >= 0x21 && byte <= 0x7e && byte !== 0x27) return `'${String.fromCharCode(byte)}'`;
  return `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
