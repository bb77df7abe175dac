/**
 * Submitted text made safe to print on a terminal: control characters (C0, DEL, C1 — ESC, CR, LF,
 * backspace…) and bidirectional overrides are shown as `\uXXXX` instead of acting, so an id with
 * a CR or an escape sequence can neither overwrite a line (a fake "Exit code 0") nor recolour or
 * retitle the terminal.
 *
 * @example terminalText('SY-1\rExit code 0') // 'SY-1\\u000dExit code 0'
 * @example terminalText('社区-一') // '社区-一'
 */
export function terminalText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escape) : text;
}

const PATTERN = '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(PATTERN);
const UNSAFE_ALL = new RegExp(PATTERN, 'g');

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
