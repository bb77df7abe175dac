import { labelFact, labelOf, type Lang } from '../../../locales/label.js';
import { CITY_LABELS, KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../../locales/labels.js';
import { render } from '../../../locales/types.js';
import { CITY_KEYS, type Finding } from '../../../types.js';
import type { CreateFormatter } from '../formatter.js';
import { isFileError, isSkipped, positionLabel } from '../result.js';
import { Sink } from '../sink.js';
import type { CheckSummary } from '../summary.js';
import { InvalidRecordTally, MissingFactTally, type MissingFactGroup } from '../tallies.js';

/** Failing findings listed in the page; every record still counts in the totals and charts. */
export const HTML_FAILING_LISTED = 10_000;
/** Invalid records listed with all their errors. */
export const HTML_INVALID_LISTED = 1_000;

interface FailingRow {
  recordId: string;
  city: string;
  kind: string;
  ruleId: string;
  label: string;
  severity: string;
  binding: boolean;
  message: string;
}

interface CheckCount {
  ruleId: string;
  city: string;
  label: string;
  severity: string;
  binding: number;
  nonBinding: number;
}

const T: Record<Lang, Record<string, string>> = {
  zh: {
    title: '社区治理法规检查报告',
    records: '记录',
    valid: '有效',
    invalid: '无效',
    skipped: '跳过',
    failing: '不符合项',
    statuses: '检查结果',
    byCity: '各城市不符合项（按性质、约束力）',
    byCheck: '不符合最多的检查',
    table: '不符合项',
    cap: '只列出前 {cap} 项（共 {total} 项）；计数和图表包括全部记录。',
    all: '全部',
    filter: '筛选文字',
    shown: '显示 {n} 项',
    record: '记录',
    city: '城市',
    kind: '类型',
    check: '检查',
    citation: '条款',
    severity: '性质',
    binding: '约束力',
    message: '说明',
    yes: '有',
    no: '无',
    showText: '条文',
    invalidRecords: '无效记录（全部错误）',
    invalidCap: '只列出前 {cap} 条（共 {total} 条）。',
    missing: '缺少的数据（无法判断的检查，按缺少的事实分组：下一步应收集的数据）',
    fact: '事实',
    findings: '检查结果数',
    examples: '例如',
    checks: '涉及的检查',
    exit: '退出码',
    none: '无',
    unreadable: '无法读取的文件',
  },
  en: {
    title: 'Community-governance law check report',
    records: 'records',
    valid: 'valid',
    invalid: 'invalid',
    skipped: 'skipped',
    failing: 'failing findings',
    statuses: 'Findings by status',
    byCity: 'Failing findings per city (by severity, binding)',
    byCheck: 'Checks failing most',
    table: 'Failing findings',
    cap: 'Listing the first {cap} of {total}; counts and charts include every record.',
    all: 'all',
    filter: 'filter text',
    shown: '{n} shown',
    record: 'record',
    city: 'city',
    kind: 'kind',
    check: 'check',
    citation: 'citation',
    severity: 'severity',
    binding: 'binding',
    message: 'message',
    yes: 'yes',
    no: 'no',
    showText: 'text',
    invalidRecords: 'Invalid records (every error)',
    invalidCap: 'Listing the first {cap} of {total}.',
    missing: 'Missing data (unknown findings by missing fact: what to collect next)',
    fact: 'fact',
    findings: 'findings',
    examples: 'e.g.',
    checks: 'checks',
    exit: 'exit code',
    none: 'none',
    unreadable: 'Unreadable files',
  },
};

/** HTML escaping for text and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** JSON that is safe inside <script>. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A horizontal bar chart in plain SVG; each bar split into stacked parts. */
function barChart(rows: Array<{ label: string; parts: number[] }>, partNames: string[], colors: string[], id: string): string {
  if (rows.length === 0) return '<p class="none">—</p>';
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((a, b) => a + b, 0)));
  const labelWidth = 230;
  const barWidth = 520;
  const rowHeight = 24;
  const height = rows.length * rowHeight + 30;
  const bars = rows
    .map((row, i) => {
      let x = labelWidth;
      const y = i * rowHeight + 4;
      const total = row.parts.reduce((a, b) => a + b, 0);
      const rects = row.parts
        .map((value, p) => {
          const w = (value / max) * barWidth;
          const rect = value > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${colors[p]}"><title>${esc(`${row.label} · ${partNames[p]}: ${value}`)}</title></rect>` : '';
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${esc(row.label)}</text>${rects}<text x="${(x + 4).toFixed(1)}" y="${y + 14}">${total}</text>`;
    })
    .join('');
  const legend = partNames
    .map((name, p) => `<rect x="${labelWidth + p * 170}" y="${rows.length * rowHeight + 12}" width="12" height="12" fill="${colors[p]}"/><text x="${labelWidth + p * 170 + 16}" y="${rows.length * rowHeight + 22}">${esc(name)}</text>`)
    .join('');
  const width = labelWidth + Math.max(barWidth + 60, partNames.length * 170 + 20);
  return `<svg id="${id}" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${bars}${legend}</svg>`;
}

const COLORS = ['#c0392b', '#e8a09a', '#d68910', '#f5cba7'];

/**
 * One self-contained HTML page (no network, no external assets): headline counts, SVG charts of
 * failing findings per city and per check (by severity and binding) and of statuses, the failing
 * findings as a sortable, filterable table with the cited text on demand, every invalid record
 * with all its errors, and the unknown findings grouped by missing fact. Streams: totals and
 * charts cover every record; the listed findings are capped at HTML_FAILING_LISTED (the page says
 * so), so memory stays bounded however many records are read.
 */
export const createHtmlFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out);
  const lang: Lang = context.lang ?? 'en';
  const t = T[lang];
  const rows: FailingRow[] = [];
  let failingTotal = 0;
  const citedText = new Map<string, { label: string; text: string; law: string; liability?: string }>();
  const byCity = new Map<string, number[]>();
  const byCheck = new Map<string, CheckCount>();
  const missing = new MissingFactTally();
  const invalid = new InvalidRecordTally(HTML_INVALID_LISTED);

  const noteFailing = (f: Finding): void => {
    failingTotal += 1;
    const part = (f.severity === 'violation' ? 0 : 2) + (f.binding ? 0 : 1);
    const cityCounts = byCity.get(f.city) ?? [0, 0, 0, 0];
    cityCounts[part] = (cityCounts[part] ?? 0) + 1;
    byCity.set(f.city, cityCounts);
    const check = byCheck.get(f.ruleId) ?? { ruleId: f.ruleId, city: f.city, label: f.citation.label, severity: f.severity, binding: 0, nonBinding: 0 };
    if (f.binding) check.binding += 1;
    else check.nonBinding += 1;
    byCheck.set(f.ruleId, check);
    if (!citedText.has(f.ruleId)) {
      citedText.set(f.ruleId, {
        label: f.citation.label,
        text: f.citation.text,
        law: f.citation.law,
        ...(f.citation.liability ? { liability: `${f.citation.liability.label} ${f.citation.liability.text}` } : {}),
      });
    }
    if (rows.length < HTML_FAILING_LISTED) {
      rows.push({
        recordId: f.recordId,
        city: f.city,
        kind: f.kind,
        ruleId: f.ruleId,
        label: f.citation.label,
        severity: f.severity,
        binding: f.binding,
        message: f.message[lang],
      });
    }
  };

  return {
    async start() {},
    async result(result) {
      missing.add(result);
      invalid.add(result);
      if (isFileError(result) || isSkipped(result) || !result.valid) return;
      for (const f of result.findings) if (f.status === 'fail') noteFailing(f);
    },
    async end(summary) {
      await sink.write(page(summary, lang, t, { rows, failingTotal, citedText, byCity, byCheck, missing: missing.list(), invalid }));
      await sink.flush();
    },
    async abort() {},
  };
};

interface PageData {
  rows: FailingRow[];
  failingTotal: number;
  citedText: Map<string, { label: string; text: string; law: string; liability?: string }>;
  byCity: Map<string, number[]>;
  byCheck: Map<string, CheckCount>;
  missing: MissingFactGroup[];
  invalid: InvalidRecordTally;
}

function page(s: CheckSummary, lang: Lang, t: Record<string, string>, d: PageData): string {
  const city = (c: string): string => labelOf(CITY_LABELS, c, lang);
  const kind = (k: string): string => labelOf(KIND_LABELS, k, lang);
  const severity = (v: string): string => labelOf(SEVERITY_LABELS, v, lang);
  const partNames =
    lang === 'zh'
      ? ['违反 · 有约束力', '违反 · 无约束力', '提示 · 有约束力', '提示 · 无约束力']
      : ['violation · binding', 'violation · non-binding', 'warning · binding', 'warning · non-binding'];
  const cityRows = CITY_KEYS.filter((c) => d.byCity.has(c)).map((c) => ({ label: city(c), parts: d.byCity.get(c) ?? [] }));
  const checkRows = [...d.byCheck.values()]
    .sort((a, b) => b.binding + b.nonBinding - (a.binding + a.nonBinding) || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 20)
    .map((c) => {
      const v = c.severity === 'violation';
      return { label: `${c.ruleId}`, parts: [v ? c.binding : 0, v ? c.nonBinding : 0, v ? 0 : c.binding, v ? 0 : c.nonBinding] };
    });
  const statusOrder = ['pass', 'fail', 'unknown', 'not-applicable'] as const;
  const statusColors = ['#27ae60', '#c0392b', '#7f8c8d', '#bdc3c7'];
  const statusRows = statusOrder.map((st, i) => ({ label: labelOf(STATUS_LABELS, st, lang), parts: statusOrder.map((_, j) => (j === i ? s.findings[st] : 0)) }));

  const headline = [
    ['records', s.records, t.records],
    ['valid', s.valid, t.valid],
    ['invalid', s.invalid, t.invalid],
    ['skipped', s.skipped, t.skipped],
    ['fail', s.findings.fail, t.failing],
    ['pass', s.findings.pass, labelOf(STATUS_LABELS, 'pass', lang)],
    ['unknown', s.findings.unknown, labelOf(STATUS_LABELS, 'unknown', lang)],
    ['not-applicable', s.findings['not-applicable'], labelOf(STATUS_LABELS, 'not-applicable', lang)],
  ]
    .map(([key, value, label]) => `<div class="card"><span class="n" id="count-${key}" data-count="${value}">${value}</span><span class="l">${esc(String(label))}</span></div>`)
    .join('');

  const options = (values: string[], show: (v: string) => string): string =>
    `<option value="">${esc(t.all!)}</option>${values.map((v) => `<option value="${esc(v)}">${esc(show(v))}</option>`).join('')}`;
  const cities = [...new Set(d.rows.map((r) => r.city))];
  const kinds = [...new Set(d.rows.map((r) => r.kind))];
  const tableRows = d.rows
    .map(
      (r, i) =>
        `<tr data-i="${i}" data-city="${esc(r.city)}" data-kind="${esc(r.kind)}" data-severity="${esc(r.severity)}" data-binding="${r.binding ? 'yes' : 'no'}">` +
        `<td>${esc(r.recordId)}</td><td>${esc(city(r.city))}</td><td>${esc(kind(r.kind))}</td><td><code>${esc(r.ruleId)}</code></td>` +
        `<td><button type="button" class="cite" data-rule="${esc(r.ruleId)}">${esc(r.label)}</button></td><td>${esc(severity(r.severity))}</td>` +
        `<td>${r.binding ? esc(t.yes!) : esc(t.no!)}</td><td>${esc(r.message)}</td></tr>`,
    )
    .join('\n');
  const capNote =
    d.failingTotal > d.rows.length
      ? `<p class="cap" id="cap-note">${esc(render(t.cap!, { cap: HTML_FAILING_LISTED, total: d.failingTotal }))}</p>`
      : '';
  const invalidHtml = d.invalid.entries
    .map(
      (e) =>
        `<li class="invalid-record"><b>${esc(e.recordId ?? '—')}</b> <span class="pos">${esc(positionLabel(e))}</span><ul>${e.errors
          .map((err) => `<li><code>${esc(err.path || '—')}</code> ${esc(lang === 'zh' ? (err.zh ?? err.message) : (err.en ?? err.message))}</li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  const invalidCap = d.invalid.total > d.invalid.entries.length ? `<p class="cap">${esc(render(t.invalidCap!, { cap: HTML_INVALID_LISTED, total: d.invalid.total }))}</p>` : '';
  const missingHtml = d.missing
    .map(
      (g) =>
        `<tr class="missing-fact"><td>${esc(labelFact(g.path, lang, g.kind))}<br><code>${esc(g.path)}</code></td><td class="num">${g.findings}</td><td class="num">${g.records}</td><td>${g.checks.map((c) => `<code>${esc(c)}</code>`).join(' ')}</td><td>${esc(g.examples.join(', '))}</td></tr>`,
    )
    .join('');
  const unreadable = s.unreadableFiles.length > 0 ? `<h2>${esc(t.unreadable!)}</h2><ul>${s.unreadableFiles.map((u) => `<li>${esc(u.message)}</li>`).join('')}</ul>` : '';
  const cited = Object.fromEntries(d.citedText);

  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(t.title!)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:90px}
.card .n{display:block;font-size:22px;font-weight:bold}.card .l{color:#666;font-size:13px}
.chart text{font-size:12px;fill:#333}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f6f6f6;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right}.filters{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}.cap{color:#a04000}
button.cite{border:none;background:none;color:#1a5fb4;text-decoration:underline;cursor:pointer;padding:0;font:inherit}
#cited{position:fixed;right:16px;bottom:16px;max-width:520px;background:#fffef5;border:1px solid #d4c27a;border-radius:6px;padding:12px;box-shadow:0 2px 8px #0002}
#cited[hidden]{display:none}code{font-size:12px}
</style>
</head>
<body>
<h1>${esc(t.title!)}</h1>
<div class="cards">${headline}</div>
<p>${esc(t.exit!)}: <span id="exit-code">${s.exitCode}</span></p>
<h2>${esc(t.statuses!)}</h2>
${barChart(statusRows, statusOrder.map((st) => labelOf(STATUS_LABELS, st, lang)), statusColors, 'chart-statuses')}
<h2>${esc(t.byCity!)}</h2>
${barChart(cityRows, partNames, COLORS, 'chart-cities')}
<h2>${esc(t.byCheck!)}</h2>
${barChart(checkRows, partNames, COLORS, 'chart-checks')}
<h2 id="failing">${esc(t.table!)} (<span id="listed-count">${d.rows.length}</span>)</h2>
${capNote}
<div class="filters">
<select id="f-city" aria-label="${esc(t.city!)}">${options(cities, city)}</select>
<select id="f-kind" aria-label="${esc(t.kind!)}">${options(kinds, kind)}</select>
<select id="f-severity" aria-label="${esc(t.severity!)}">${options(['violation', 'warning'], severity)}</select>
<select id="f-binding" aria-label="${esc(t.binding!)}">${options(['yes', 'no'], (v) => (v === 'yes' ? t.yes! : t.no!))}</select>
<input id="f-text" type="search" placeholder="${esc(t.filter!)}">
<span id="shown-count" data-template="${esc(t.shown!)}">${esc(render(t.shown!, { n: d.rows.length }))}</span>
</div>
<table id="failing-table"><thead><tr>
<th data-col="0">${esc(t.record!)}</th><th data-col="1">${esc(t.city!)}</th><th data-col="2">${esc(t.kind!)}</th><th data-col="3">${esc(t.check!)}</th><th data-col="4">${esc(t.citation!)}</th><th data-col="5">${esc(t.severity!)}</th><th data-col="6">${esc(t.binding!)}</th><th data-col="7">${esc(t.message!)}</th>
</tr></thead><tbody>
${tableRows}
</tbody></table>
<div id="cited" hidden role="dialog"><button type="button" id="cited-close" style="float:right">×</button><b id="cited-label"></b> <span id="cited-law"></span><p id="cited-text"></p><p id="cited-liability"></p></div>
<h2>${esc(t.missing!)}</h2>
${d.missing.length === 0 ? `<p>${esc(t.none!)}</p>` : `<table id="missing-table"><thead><tr><th>${esc(t.fact!)}</th><th>${esc(t.findings!)}</th><th>${esc(t.records!)}</th><th>${esc(t.checks!)}</th><th>${esc(t.examples!)}</th></tr></thead><tbody>${missingHtml}</tbody></table>`}
<h2>${esc(t.invalidRecords!)} (<span id="invalid-listed">${d.invalid.entries.length}</span>)</h2>
${invalidCap}
${d.invalid.entries.length === 0 ? `<p>${esc(t.none!)}</p>` : `<ul id="invalid-list">${invalidHtml}</ul>`}
${unreadable}
<script type="application/json" id="cited-data">${scriptJson(cited)}</script>
<script>
(function () {
  var cited = JSON.parse(document.getElementById('cited-data').textContent);
  var table = document.getElementById('failing-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById('shown-count');
  function val(id) { return document.getElementById(id).value; }
  function applyFilters() {
    var c = val('f-city'), k = val('f-kind'), s = val('f-severity'), b = val('f-binding'), q = val('f-text').toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!c || r.dataset.city === c) && (!k || r.dataset.kind === k) && (!s || r.dataset.severity === s) &&
        (!b || r.dataset.binding === b) && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = shown.dataset.template.replace('{n}', String(n));
    shown.dataset.count = String(n);
  }
  ['f-city', 'f-kind', 'f-severity', 'f-binding', 'f-text'].forEach(function (id) {
    document.getElementById(id).addEventListener('input', applyFilters);
    document.getElementById(id).addEventListener('change', applyFilters);
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () {
      var col = Number(th.dataset.col);
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      rows.sort(function (x, y) {
        var a = x.cells[col].textContent, z = y.cells[col].textContent;
        var r = a.localeCompare(z, 'zh-CN', { numeric: true });
        return dir === 'ascending' ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var box = document.getElementById('cited');
  body.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.cite');
    if (!button) return;
    var c = cited[button.dataset.rule];
    if (!c) return;
    document.getElementById('cited-label').textContent = c.label;
    document.getElementById('cited-law').textContent = '《' + c.law + '》';
    document.getElementById('cited-text').textContent = c.text;
    document.getElementById('cited-liability').textContent = c.liability || '';
    box.hidden = false;
  });
  document.getElementById('cited-close').addEventListener('click', function () { box.hidden = true; });
  applyFilters();
})();
</script>
</body>
</html>
`;
}
