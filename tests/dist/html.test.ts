/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core. `.ci/run`
 * installs chromium when /usr/bin/chromium is missing, so in CI this test runs, never skips.
 * CHROMIUM_PATH points elsewhere if needed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const execFileAsync = promisify(execFile);

async function check(...args: string[]): Promise<string> {
  try {
    return (await execFileAsync(process.execPath, [cli, 'check', ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'C' } })).stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    if (failed.code === 1 || failed.code === 2) return failed.stdout ?? ''; // failing findings / invalid records
    throw error;
  }
}

interface Summary {
  records: number;
  valid: number;
  invalid: number;
  skipped: number;
  findings: Record<'pass' | 'fail' | 'unknown' | 'not-applicable', number>;
  exitCode: number;
}

describe('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir = '';
  let summary: Summary;

  beforeAll(async () => {
    expect(existsSync(executablePath), `no browser at ${executablePath}: apt-get install chromium (see .ci/run)`).toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'shequ-html-'));
    const batch = join(root, 'fixtures', 'batch.ndjson');
    await check(batch, '--format', 'html', '--out', join(dir, 'report.html'), '--lang', 'zh', '--as-of', '2024-06-01');
    summary = (JSON.parse(await check(batch, '--format', 'json', '--as-of', '2024-06-01')) as { summary: Summary }).summary;
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the counts of the JSON summary, filters, shows cited text, logs no error, and is screenshotted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);

    const count = async (id: string): Promise<number> => Number(await page.locator(`#${id}`).getAttribute('data-count'));
    expect(await count('count-records')).toBe(summary.records);
    expect(await count('count-valid')).toBe(summary.valid);
    expect(await count('count-invalid')).toBe(summary.invalid);
    expect(await count('count-fail')).toBe(summary.findings.fail);
    expect(await count('count-unknown')).toBe(summary.findings.unknown);
    expect(await count('count-pass')).toBe(summary.findings.pass);
    expect(await page.locator('#exit-code').textContent()).toBe(String(summary.exitCode));
    const rows = page.locator('#failing-table tbody tr');
    expect(await rows.count()).toBe(summary.findings.fail);
    expect(await page.locator('#invalid-list > li').count()).toBe(summary.invalid);
    expect(await page.locator('svg.chart').count()).toBe(3);

    // Filter by city: exactly the rows of that city stay visible.
    const tonghua = await page.locator('#failing-table tbody tr[data-city="tonghua"]').count();
    expect(tonghua).toBeGreaterThan(0);
    await page.selectOption('#f-city', 'tonghua');
    expect(await page.locator('#failing-table tbody tr:visible').count()).toBe(tonghua);
    expect(await count('shown-count')).toBe(tonghua);
    await page.selectOption('#f-city', '');
    await page.fill('#f-text', 'zhangjiakou.7.1');
    expect(await page.locator('#failing-table tbody tr:visible').count()).toBe(1);
    await page.fill('#f-text', '');

    // Sort by check id, then read a cited article on demand.
    await page.click('#failing-table th[data-col="3"]');
    const first = await page.locator('#failing-table tbody tr').first().locator('td').nth(3).textContent();
    const ids = await page.locator('#failing-table tbody tr td:nth-child(4)').allTextContents();
    expect(first).toBe([...ids].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))[0]);
    await page.locator('button.cite').first().click();
    expect(await page.locator('#cited').isVisible()).toBe(true);
    expect((await page.locator('#cited-text').textContent())?.length ?? 0).toBeGreaterThan(10);

    const out = join(root, 'bench', 'out');
    await mkdir(out, { recursive: true });
    await page.locator('#cited-close').click();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(out, 'report.png'), fullPage: false });
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await page.close();
  }, 120_000);
});
