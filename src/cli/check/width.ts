/**
 * Terminal display width: CJK ideographs, kana, hangul and full-width forms take two columns,
 * combining marks and zero-width characters none, the rest one.
 *
 * @example displayWidth('第十条第一款') // 12
 * @example displayWidth('m² 620')      // 6
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, punctuation 、。「」
  [0x3041, 0x33ff], // kana, CJK symbols
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms （），：
  [0xffe0, 0xffe6], // full-width signs ￥
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B…
];

export function charWidth(codePoint: number): number {
  if (codePoint === 0) return 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if ((codePoint >= 0x0300 && codePoint <= 0x036f) || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfe0f) return 0;
  for (const [from, to] of WIDE) {
    if (codePoint < from) return 1;
    if (codePoint <= to) return 2;
  }
  return 1;
}

/** Pads with spaces to `width` display columns (no-op when already wider). */
export function padEnd(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Pads on the left to `width` display columns. */
export function padStart(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

/** Cuts to at most `width` columns, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0) ?? 0);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

// Closing punctuation that must not begin a line (it sticks to what precedes it).
const NO_LINE_START = new Set('，。、；：！？）》」』】〕,.;:!?)]%'.split(''));

/**
 * Wraps text to lines of at most `width` columns: Latin words break at spaces, CJK text between
 * any two characters (never before closing punctuation); a word longer than a line is cut.
 *
 * @example wrap('设施面积不足：应不少于620平方米', 10) // ['设施面积不', '足：应不少', '于620平方', '米']
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const token of tokens(paragraph)) {
      const w = displayWidth(token);
      if (token === ' ') {
        if (used > 0 && used + 1 <= width) {
          line += ' ';
          used += 1;
        }
        continue;
      }
      if (used + w > width && used > 0) {
        lines.push(line.trimEnd());
        line = '';
        used = 0;
      }
      if (w > width) {
        for (const char of token) {
          const cw = charWidth(char.codePointAt(0) ?? 0);
          if (used + cw > width) {
            lines.push(line);
            line = '';
            used = 0;
          }
          line += char;
          used += cw;
        }
        continue;
      }
      line += token;
      used += w;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Spaces, runs of narrow non-space characters, and single wide characters (with trailing punctuation). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of text) {
    if (char === ' ') {
      if (word) out.push(word);
      word = '';
      out.push(' ');
      continue;
    }
    if (NO_LINE_START.has(char)) {
      if (word) word += char;
      else if (out.length > 0 && out[out.length - 1] !== ' ') out[out.length - 1] += char;
      else word = char;
      continue;
    }
    if (charWidth(char.codePointAt(0) ?? 0) === 2) {
      if (word) out.push(word);
      word = char;
      out.push(word);
      word = '';
      continue;
    }
    // A narrow character after a wide one starts a new word.
    word += char;
  }
  if (word) out.push(word);
  return out;
}
