import { describe, expect, it } from 'vitest';
import { Progress, progressText } from './progress.js';
import { Collector } from './testing.js';

describe('progressText', () => {
  it('shows records, rate and the share of input read when the size is known', () => {
    expect(progressText(12000, 2, { bytesRead: 50, totalBytes: 200 })).toBe('checked 12,000 records · 6,000/s · 25% of input');
    expect(progressText(5, 1, { bytesRead: 50, totalBytes: null })).toBe('checked 5 records · 5/s');
  });

  it('says one record in the singular, and none or several in the plural', () => {
    expect(progressText(1, 1, { bytesRead: 1, totalBytes: 4 })).toBe('checked 1 record · 1/s · 25% of input');
    expect(progressText(0, 1, { bytesRead: 0, totalBytes: null })).toBe('checked 0 records · 0/s');
    expect(progressText(1000, 1, { bytesRead: 0, totalBytes: null })).toBe('checked 1,000 records · 1,000/s');
  });

  it('speaks Chinese under --lang zh, with the same counts', () => {
    expect(progressText(12000, 2, { bytesRead: 50, totalBytes: 200 }, 'zh')).toBe('已检查 12,000 条记录 · 每秒 6,000 条 · 已读输入 25%');
    expect(progressText(1, 1, { bytesRead: 0, totalBytes: null }, 'zh')).toBe('已检查 1 条记录 · 每秒 1 条');
  });
});

describe('Progress', () => {
  it('draws at most once per interval and clears its line at the end', () => {
    let now = 0;
    const stderr = new Collector();
    const progress = new Progress(stderr, { bytesRead: 0, totalBytes: null }, { enabled: true, intervalMs: 100, now: () => now });
    for (let i = 1; i <= 1000; i += 1) {
      now = i; // 1000 records over one second
      progress.tick(i);
    }
    progress.clear();
    const draws = stderr.text.split('\r\x1b[2K').filter((s) => s.startsWith('checked'));
    expect(draws.length).toBeLessThanOrEqual(11);
    expect(stderr.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when disabled (stderr is not a terminal)', () => {
    const stderr = new Collector();
    const progress = new Progress(stderr, { bytesRead: 0, totalBytes: null }, { enabled: false });
    progress.tick(1);
    progress.clear();
    expect(stderr.text).toBe('');
  });
});
