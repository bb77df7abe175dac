/**
 * The report formats of `diff`, one streaming writer each: changes as they are found, then the
 * records removed and the summary.
 */
import type { Writable } from 'node:stream';
import { labelOf, type Lang } from '../../locales/label.js';
import { CITY_LABELS, STATUS_LABELS } from '../../locales/labels.js';
import { render } from '../../locales/types.js';
import { csvRow } from '../check/formats/csv.js';
import { xml, xmlText } from '../check/formats/junit.js';
import { Sink } from '../check/sink.js';
import { displayWidth, truncate, wrap } from '../check/width.js';
import type { DiffSummary, FindingDiff, RecordDiff } from './compare.js';

export const DIFF_FORMATS = ['table', 'ndjson', 'json', 'csv', 'junit'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffWriter {
  start(): Promise<void>;
  finding(diff: FindingDiff): Promise<void>;
  record(diff: RecordDiff): Promise<void>;
  end(summary: DiffSummary): Promise<void>;
}

const HEADINGS: Record<Lang, Record<FindingDiff['change'] | RecordDiff['change'], string>> = {
  zh: {
    'new-failure': '新增不符合',
    'newly-unknown': '新变为无法判断',
    'still-failing': '仍不符合',
    fixed: '已整改',
    added: '新增记录',
    removed: '删除的记录',
    'newly-invalid': '变为无效的记录',
  },
  en: {
    'new-failure': 'new failure',
    'newly-unknown': 'newly unknown',
    'still-failing': 'still failing',
    fixed: 'fixed',
    added: 'record added',
    removed: 'record removed',
    'newly-invalid': 'record now invalid',
  },
};

const SUMMARY_LINE: Record<Lang, string> = {
  zh: '之前 {before} 条记录，之后 {after} 条，匹配 {matched} 条：已整改 {fixed} · 新增不符合 {new} · 仍不符合 {still} · 新变为无法判断 {unknown} · 新增记录 {added} · 删除记录 {removed} · 变为无效 {invalid}',
  en: 'before {before|record|records}, after {after}, matched {matched}: fixed {fixed} · new failures {new} · still failing {still} · newly unknown {unknown} · added {added} · removed {removed} · newly invalid {invalid}',
};

/** Said only when it happened: results that could not be matched, ids matched in order. */
const WITHOUT_ID_LINE: Record<Lang, string> = {
  zh: '；没有记录编号、未比较的结果：之前 {before} 条，之后 {after} 条',
  en: '; not compared, no record id: before {before}, after {after}',
};
const REPEATED_IDS_LINE: Record<Lang, string> = {
  zh: '；重复的记录编号（按出现顺序匹配）：之前 {before} 个，之后 {after} 个',
  en: '; ids given to several records (matched in order): before {before}, after {after}',
};

export function diffSummaryLine(s: DiffSummary, lang: Lang): string {
  const extra = (template: Record<Lang, string>, counts: { before: number; after: number }): string =>
    counts.before + counts.after > 0 ? render(template[lang], counts) : '';
  return `${countsLine(s, lang)}${extra(WITHOUT_ID_LINE, s.withoutId)}${extra(REPEATED_IDS_LINE, s.repeatedIds)}`;
}

function countsLine(s: DiffSummary, lang: Lang): string {
  const c = s.counts;
  return render(SUMMARY_LINE[lang], {
    before: s.before,
    after: s.after,
    matched: s.matched,
    fixed: c.fixed,
    new: c['new-failure'],
    still: c['still-failing'],
    unknown: c['newly-unknown'],
    added: c.added,
    removed: c.removed,
    invalid: c['newly-invalid'],
  });
}

/**
 * `head` and `tail` on one line of at most `width` columns, `head` cut (with …) when they do not
 * fit: the tail (a finding's status change, a record's failing count) is what the line is about,
 * so it is never what is cut.
 */
export function fitWithTail(head: string, tail: string, width: number, gap = '  '): string {
  const line = `${head}${gap}${tail}`;
  if (displayWidth(line) <= width) return line;
  return `${truncate(head, Math.max(1, width - displayWidth(gap) - displayWidth(tail)))}${gap}${tail}`;
}

export function createDiffWriter(format: DiffFormat, out: Writable, lang: Lang, width = 100): DiffWriter {
  const sink = new Sink(out);
  switch (format) {
    case 'ndjson':
      return {
        async start() {},
        finding: (d) => sink.write(`${JSON.stringify(d)}\n`),
        record: (d) => sink.write(`${JSON.stringify(d)}\n`),
        async end(summary) {
          await sink.write(`${JSON.stringify({ summary })}\n`);
          await sink.flush();
        },
      };
    case 'json': {
      let first = true;
      const item = async (d: FindingDiff | RecordDiff): Promise<void> => {
        await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(d)}`);
        first = false;
      };
      return {
        start: () => sink.write('{"changes":['),
        finding: item,
        record: item,
        async end(summary) {
          await sink.write(`${first ? '' : '\n'}],\n"summary":${JSON.stringify(summary)}}\n`);
          await sink.flush();
        },
      };
    }
    case 'csv': {
      const row = (d: FindingDiff | RecordDiff): string[] =>
        'ruleId' in d
          ? [d.change, d.recordId, d.city ?? '', d.kind ?? '', d.ruleId, d.citation, d.before ?? '', d.after, d.severity ?? '', d.message[lang]]
          : [d.change, d.recordId, d.city ?? '', d.kind ?? '', '', '', '', '', '', String(d.failing)];
      return {
        start: () => sink.write(`\uFEFF${csvRow(['change', 'record_id', 'city', 'kind', 'check_id', 'citation', 'before', 'after', 'severity', 'message_or_failing'])}`),
        finding: (d) => sink.write(csvRow(row(d))),
        record: (d) => sink.write(csvRow(row(d))),
        async end() {
          await sink.flush();
        },
      };
    }
    case 'junit': {
      // Cases are kept until the end, since the suite's counts come first; bounded by the changes.
      const cases: string[] = [];
      let failures = 0;
      return {
        async start() {},
        async finding(d) {
          const name = xml(`${d.recordId} ${d.ruleId}`);
          const attributes = `classname="${xml(`diff.${d.change}`)}" name="${name}"`;
          if (d.change === 'new-failure') {
            failures += 1;
            cases.push(`    <testcase ${attributes}><failure message="${xml(d.message[lang])}" type="new-failure">${xmlText(`${d.citation} ${d.before ?? '—'} → ${d.after}`)}</failure></testcase>\n`);
          } else {
            cases.push(`    <testcase ${attributes}/>\n`);
          }
        },
        async record(d) {
          cases.push(`    <testcase classname="${xml(`diff.${d.change}`)}" name="${xml(d.recordId)}"/>\n`);
        },
        async end(summary) {
          await sink.write(
            `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="shequ-rules diff" tests="${cases.length}" failures="${failures}">\n` +
              `  <testsuite name="diff" tests="${cases.length}" failures="${failures}">\n    <properties><property name="summary" value="${xml(diffSummaryLine(summary, lang))}"/></properties>\n`,
          );
          for (const c of cases) await sink.write(c);
          await sink.write('  </testsuite>\n</testsuites>\n');
          await sink.flush();
        },
      };
    }
    case 'table':
      return {
        async start() {},
        async finding(d) {
          const city = d.city !== undefined ? labelOf(CITY_LABELS, d.city, lang) : '';
          const status = (s: string | null): string => (s === null ? '—' : lang === 'zh' ? labelOf(STATUS_LABELS, s, 'zh') : s);
          const head = `${HEADINGS[lang][d.change]}  ${d.recordId}  ${city}  ${d.citation}  ${d.ruleId}`;
          const lines = [fitWithTail(head, `${status(d.before)} → ${status(d.after)}`, width)];
          if (d.message[lang] !== '') for (const line of wrap(d.message[lang], width - 4)) lines.push(`    ${line}`);
          await sink.write(`${lines.join('\n')}\n`);
        },
        async record(d) {
          const city = d.city !== undefined ? labelOf(CITY_LABELS, d.city, lang) : '';
          const failing = lang === 'zh' ? `（不符合 ${d.failing} 项）` : ` (${d.failing} failing)`;
          await sink.write(`${fitWithTail(`${HEADINGS[lang][d.change]}  ${d.recordId}  ${city}`, failing, width, '')}\n`);
        },
        async end(summary) {
          const exit = lang === 'zh' ? `退出码 ${summary.exitCode}` : `exit code ${summary.exitCode}`;
          await sink.write(`${'─'.repeat(width)}\n${wrap(`${diffSummaryLine(summary, lang)} · ${exit}`, width).join('\n')}\n`);
          await sink.flush();
        },
      };
  }
}
