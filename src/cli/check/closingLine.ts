import type { Lang } from '../../locales/label.js';
import { render } from '../../locales/types.js';
import type { CheckSummary } from './summary.js';

/**
 * A count with its digits grouped by threes, 1,000,000: read at a glance on a terminal, grouped as
 * the progress line groups its own. Chinese text groups digits the same way (GB/T 15835 allows the
 * comma; zh-CN's Intl gives 1,000,000 too).
 */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** The line `check` closes with on a terminal's stderr: the run's counts and its exit code. */
export function closingLine(final: Pick<CheckSummary, 'records' | 'valid' | 'invalid' | 'skipped' | 'findings' | 'exitCode'>, lang: Lang): string {
  const n = formatCount;
  return render(CLOSING_LINE[lang], {
    records: n(final.records),
    valid: n(final.valid),
    invalid: n(final.invalid),
    skipped: n(final.skipped),
    fail: n(final.findings.fail),
    exitCode: final.exitCode,
  });
}

/** `{records|record|records}`: "1 record", "1,000 records" (the count is grouped before it is read). */
const CLOSING_LINE: Record<Lang, string> = {
  zh: 'shequ-rules check：记录 {records} 条 · 有效 {valid} · 无效 {invalid} · 跳过 {skipped} · 不符合 {fail} 项 · 退出码 {exitCode}\n',
  en: 'shequ-rules check: {records|record|records} · {valid} valid · {invalid} invalid · {skipped} skipped · {fail|failing finding|failing findings} · exit {exitCode}\n',
};
