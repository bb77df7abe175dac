import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collector, format, sampleResults } from '../testing.js';
import { createJunitFormatter, xml } from './junit.js';

/** Checks that tags balance and attributes are quoted; returns the element names in order. */
function checkWellFormed(text: string): string[] {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const opened: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match !== null; match = tag.exec(body)) {
    const between = body.slice(last, match.index);
    if (/[<>]/.test(between)) throw new Error(`stray < or > near: ${between.slice(0, 60)}`);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(between)) throw new Error(`bare & in: ${between.slice(0, 60)}`);
    last = tag.lastIndex;
    const [, closing, name = '', , selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open tag`);
    } else {
      opened.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
  if (body.slice(last).trim() !== '') throw new Error('text after the root element');
  return opened;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe('junit formatter', () => {
  it('writes well-formed XML with one testsuite per city', async () => {
    // Act
    const text = await format(createJunitFormatter, sampleResults(), { failOn: 'violation', city: 'shenyang' });
    // Assert
    const elements = checkWellFormed(text);
    expect(elements[0]).toBe('testsuites');
    const suites = [...text.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites).toEqual(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou', '(no city)', '(input)']);
  });

  it('maps fail to <failure>, unknown and not-applicable to <skipped>, invalid records to <error>', async () => {
    const text = await format(createJunitFormatter, sampleResults());
    expect(count(text, /<testcase /g)).toBe(10);
    expect(count(text, /<failure /g)).toBe(1);
    expect(count(text, /<error /g)).toBe(3); // two invalid records, one unreadable file
    expect(count(text, /<skipped /g)).toBe(4); // unknown, not-applicable, skipped by --city, no checks
    expect(text).toMatch(/<testsuites name="shequ-rules check" tests="10" failures="1" errors="3" skipped="4">/);
    expect(text).toMatch(/<testcase name="shenyang.10.1.facility-area" classname="SY-0001" line="1">/);
    expect(text).toMatch(/<failure message="设施面积不足，&quot;应&quot;为620, 实为610" type="violation">/);
    expect(text).toContain('测试条例 第十条第一款: 社区综合服务设施应当满足社区实际需要。');
    expect(text).toContain('binding: false');
  });

  it('escapes markup and forbidden characters', () => {
    expect(xml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD');
  });

  it('removes its temporary files at the end and on abort', async () => {
    const tempDir = await mkdtemp(join(tmpdir(), 'shequ-junit-test-'));
    try {
      await format(createJunitFormatter, sampleResults(), { failOn: 'violation', tempDir });
      expect(await readdir(tempDir)).toEqual([]);
      const formatter = createJunitFormatter(new Collector(), { failOn: 'violation', tempDir });
      await formatter.start();
      for (const result of sampleResults()) await formatter.result(result);
      expect((await readdir(tempDir)).length).toBe(1);
      await formatter.abort();
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
  });
});
