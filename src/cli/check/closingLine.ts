import type { Lang } from '../../locales/label.js';
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
  if (lang === 'zh') {
    return `shequ-rules check：记录 ${n(final.records)} 条 · 有效 ${n(final.valid)} · 无效 ${n(final.invalid)} · 跳过 ${n(final.skipped)} · 不符合 ${n(final.findings.fail)} 项 · 退出码 ${final.exitCode}\n`;
  }
  const records = `${n(final.records)} ${final.records === 1 ? 'record' : 'records'}`;
  const failing = `${n(final.findings.fail)} failing ${final.findings.fail === 1 ? 'finding' : 'findings'}`;
  return `shequ-rules check: ${records} · ${n(final.valid)} valid · ${n(final.invalid)} invalid · ${n(final.skipped)} skipped · ${failing} · exit ${final.exitCode}\n`;
}
