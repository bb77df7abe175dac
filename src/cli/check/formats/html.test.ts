import { describe, expect, it } from 'vitest';
import { format, sampleResults } from '../testing.js';
import { createHtmlFormatter, esc } from './html.js';

describe('html formatter', () => {
  it('writes one self-contained page whose counts are the summary’s', async () => {
    const html = await format(createHtmlFormatter, sampleResults(), { failOn: 'violation', lang: 'zh' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toMatch(/id="count-records" data-count="6"/);
    expect(html).toMatch(/id="count-fail" data-count="1"/);
    expect(html).toContain('shenyang.10.1.facility-area');
    expect(html).toContain('<svg id="chart-cities"');
    expect(html).toContain('class="invalid-record"');
  });

  it('escapes what records say, in text and attributes', async () => {
    const results = sampleResults();
    const first = results[0];
    if (first && 'findings' in first && first.findings[0]) first.findings[0].recordId = '<img src=x onerror=alert(1)>';
    const html = await format(createHtmlFormatter, results, { failOn: 'violation' });
    expect(html).not.toContain('<img src=x');
    expect(esc(`"'<&>`)).toBe('&quot;&#39;&lt;&amp;&gt;');
  });
});
