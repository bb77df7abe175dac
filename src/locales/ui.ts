/**
 * The words of the reports and the CLI around the findings (headings, counts, exit reasons), in
 * Chinese and English. Placeholders in braces are filled by `render`.
 */
import type { Lang } from './label.js';

export interface UiText {
  records: string;
  recordsLine: string;
  skippedLine: string;
  findings: string;
  failing: string;
  failingLine: string;
  unreadableFiles: string;
  invalidRecords: string;
  andMore: string;
  topChecks: string;
  unknownByFact: string;
  unknownByFactLine: string;
  unknownCap: string;
  exitCode: string;
  exit0: string;
  exit0Never: string;
  exit1: string;
  exit2: string;
  exitInterrupted: string;
  nonBinding: string;
  noId: string;
  line: string;
  missingHeading: string;
}

export const UI: Record<Lang, UiText> = {
  zh: {
    records: '记录',
    recordsLine: '读取 {records} 条 · 有效 {valid} 条 · 无效 {invalid} 条',
    skippedLine: ' · 跳过 {skipped} 条',
    findings: '检查结果',
    failing: '不符合',
    failingLine: '违反 {violations} 项（其中无约束力 {violationsNonBinding} 项）· 提示 {warnings} 项（其中无约束力 {warningsNonBinding} 项）',
    unreadableFiles: '无法读取的文件',
    invalidRecords: '无效记录（全部错误）',
    andMore: '…… 另有 {count} 条',
    topChecks: '各城市不符合最多的检查',
    unknownByFact: '缺少的数据（无法判断的检查，按缺少的事实分组：下一步应收集的数据）',
    unknownByFactLine: '{findings} 项检查结果 · {records} 条记录 · 例如 {examples}',
    unknownCap: '（只列出前 {cap} 个事实）',
    exitCode: '退出码',
    exit0: '没有达到 --fail-on {failOn} 的不符合项',
    exit0Never: '检查结果不影响退出码（--fail-on never）',
    exit1: '有达到 --fail-on {failOn} 的不符合项',
    exit2: '有无效记录或无法读取的文件',
    exitInterrupted: '已中断',
    nonBinding: '［无约束力］',
    noId: '（无编号）',
    line: '第 {line} 行',
    missingHeading: '缺少的事实',
  },
  en: {
    records: 'Records',
    recordsLine: '{records} read · {valid} valid · {invalid} invalid',
    skippedLine: ' · {skipped} skipped',
    findings: 'Findings',
    failing: 'Failing',
    failingLine: 'violations {violations} ({violationsNonBinding} non-binding) · warnings {warnings} ({warningsNonBinding} non-binding)',
    unreadableFiles: 'Unreadable files',
    invalidRecords: 'Invalid records (every error)',
    andMore: '… and {count} more',
    topChecks: 'Checks failing most, per city',
    unknownByFact: 'Missing data (unknown findings by missing fact: what to collect next)',
    // Label before number, as in the summary lines: no "1 findings".
    unknownByFactLine: 'findings {findings} · records {records} · e.g. {examples}',
    unknownCap: '(first {cap} facts only)',
    exitCode: 'Exit code',
    exit0: 'nothing fails at or above --fail-on {failOn}',
    exit0Never: 'findings do not set the exit code (--fail-on never)',
    exit1: 'findings fail at or above --fail-on {failOn}',
    exit2: 'invalid records or unreadable files',
    exitInterrupted: 'interrupted',
    nonBinding: '[non-binding]',
    noId: '(no id)',
    line: 'line {line}',
    missingHeading: 'Missing facts',
  },
};
