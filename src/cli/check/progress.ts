import type { Writable } from 'node:stream';
import type { ReadState } from './input.js';

export interface ProgressOptions {
  /** Draw nothing unless true (stderr is a terminal). */
  enabled: boolean;
  /** Milliseconds between redraws; default 100 (at most ~10 per second). */
  intervalMs?: number;
  now?: () => number;
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
    this.stderr.write(`\r\x1b[2K${progressText(records, (now - this.started) / 1000, this.state)}`);
    this.drawn = true;
  }

  /** Erases the line, if one was drawn. */
  clear(): void {
    if (!this.drawn) return;
    this.stderr.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** @example progressText(12000, 2, { bytesRead: 50, totalBytes: 200 }) // 'checked 12,000 records · 6,000/s · 25% of input' */
export function progressText(records: number, seconds: number, state: ReadState): string {
  const rate = seconds > 0 ? Math.round(records / seconds) : 0;
  const parts = [`checked ${records.toLocaleString('en-US')} records`, `${rate.toLocaleString('en-US')}/s`];
  if (state.totalBytes !== null && state.totalBytes > 0) {
    parts.push(`${Math.min(100, Math.floor((100 * state.bytesRead) / state.totalBytes))}% of input`);
  }
  return parts.join(' · ');
}
