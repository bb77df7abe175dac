import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The built bin, as `npm test` runs it after `npm run build`. SHEQU_RULES_DIST points elsewhere.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(process.env.SHEQU_RULES_DIST ?? join(root, 'dist'), 'cli.js');
const execFileAsync = promisify(execFile);

async function articles(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, 'articles', ...args], { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('dist/cli.js articles', () => {
  it('prints Tonghua’s 45 articles as JSON', async () => {
    const { code, stdout } = await articles('--city', 'tonghua', '--format', 'json');
    const list = JSON.parse(stdout) as { city: string; label: string; paragraphs: unknown[]; text: string }[];
    expect(code).toBe(0);
    expect(list).toHaveLength(45);
    expect(list[0]).toMatchObject({ city: 'tonghua', label: '第一条' });
  });

  it('finds 网格 in all five cities', async () => {
    const list = JSON.parse((await articles('--search', '网格', '--format', 'json')).stdout) as { city: string }[];
    expect(new Set(list.map((article) => article.city))).toEqual(
      new Set(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou']),
    );
  });

  it('prints the per-city summary', async () => {
    const { code, stdout } = await articles('--summary');
    expect(code).toBe(0);
    expect(stdout).toMatch(/guiyang\s+in-force\s+2013-12-01\s+47/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^5 laws, 191 provisions, \d+ with checks, \d+ checks$/);
  });

  it('reads one article with --article, in English and in Chinese', async () => {
    const en = await articles('--city', 'tonghua', '--article', '8', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('通化市社区治理促进条例');
    expect(en.stdout).toContain('第二款  新建住宅小区的社区综合服务设施应当与建设项目同步设计');
    expect(en.stdout).toMatch(/Checks \(\d+\)\n {2}tonghua\.8\.2\.facility-sync/);
    expect(en.stdout).toMatch(/applies when: newly built: yes/);
    const zh = await articles('--city', 'zhangjiakou', '--article', '（三）', '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('检查 (');
    expect(zh.stdout).toContain('zhangjiakou.3.2.task-lists');
    expect(zh.stdout).toMatch(/适用条件：/);
  });

  it('exits 2 for an article that does not exist', async () => {
    const { code, stderr } = await articles('--city', 'zhangjiakou', '--article', '第二十条');
    expect(code).toBe(2);
    expect(stderr).toContain('no article 20');
  });

  it('exits 2 naming the bad city and the allowed ones', async () => {
    const { code, stderr } = await articles('--city', 'harbin');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown city 'harbin'; expected one of shenyang, dalian, guiyang, tonghua, zhangjiakou");
  });

  it('exits 2 naming the bad format', async () => {
    const { code, stderr } = await articles('--format', 'yaml');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown format 'yaml'");
  });
});
