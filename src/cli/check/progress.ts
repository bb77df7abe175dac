import type { Writable } from 'node:stream';
import type { Lang } from '../../locales/label.js';
import { render } from '../../locales/types.js';
import { formatCount } from './closingLine.js';
import type { ReadState } from './input.js';

export interface ProgressOptions {
  /** Draw nothing unless true (stderr is a terminal). */
  enabled: boolean;
  /** Milliseconds between redraws; default 100 (at most ~10 per second). */
  intervalMs?: number;
  now?: () => number;
  /** The language of the line (`--lang`); default en. */
  lang?: Lang;
}

/**
 * The progress line on stderr: records done, records per second, and the share of input bytes read
 * when the input size is known. Redrawn in place, at most every `intervalMs`; cleared at the end.
 * Disabled (draws nothing at all) when stderr is not a terminal.
 */
export class Progress {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly stderr: Writable,
    private readonly state: ReadState,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  /** Called after each record; draws when enough time has passed since the last draw. */
  tick(records: number): void {
    if (!this.options.enabled) return;
    const now = this.now();
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.stderr.write(`\r\x1b[2K${progressText(records, (now - this.started) / 1000, this.state, this.options.lang)}`);
    this.drawn = true;
  }

  /** Erases the line, if one was drawn. */
  clear(): void {
    if (!this.drawn) return;
    this.stderr.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** The parts of the progress line; `{records|record|records}` says "1 record", "2 records". */
const PROGRESS: Record<Lang, { records: string; rate: string; input: string }> = {
  zh: { records: '已检查 {records} 条记录', rate: '每秒 {rate} 条', input: '已读输入 {percent}%' },
  en: { records: 'checked {records|record|records}', rate: '{rate}/s', input: '{percent}% of input' },
};

/**
 * @example progressText(12000, 2, { bytesRead: 50, totalBytes: 200 }) // 'checked 12,000 records · 6,000/s · 25% of input'
 * @example progressText(1, 1, { bytesRead: 0, totalBytes: null }, 'zh') // '已检查 1 条记录 · 每秒 1 条'
 */
export function progressText(records: number, seconds: number, state: ReadState, lang: Lang = 'en'): string {
  const text = PROGRESS[lang];
  const rate = seconds > 0 ? Math.round(records / seconds) : 0;
  const parts = [render(text.records, { records: formatCount(records) }), render(text.rate, { rate: formatCount(rate) })];
  if (state.totalBytes !== null && state.totalBytes > 0) {
    parts.push(render(text.input, { percent: Math.min(100, Math.floor((100 * state.bytesRead) / state.totalBytes)) }));
  }
  return parts.join(' · ');
}
