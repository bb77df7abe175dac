import { describe, expect, it } from 'vitest';
import { testIO } from './check/testing.js';
import { main } from './main.js';
import { englishIn, runCommand } from './testing.js';

describe('shequ-rules (the dispatcher)', () => {
  it('names an unknown command in the language of the locale or --lang, then the help in that language, exit 2', async () => {
    const en = await runCommand('chek', ['x.ndjson'], { env: { LANG: 'C' } });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^shequ-rules: unknown command 'chek'\n\nshequ-rules — /);
    const zh = await runCommand('chek', ['x.ndjson'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^shequ-rules：未知命令 'chek'\n\nshequ-rules —— /);
    expect((await runCommand('chek', ['--lang', 'zh'], { env: { LANG: 'C' } })).stderr).toBe(zh.stderr);
  });

  it('shows the help for --help whatever --lang says (a --lang it cannot use leaves the locale’s language), exit 0', async () => {
    for (const [args, env, heading] of [
      [['--help', '--lang', 'fr'], { LANG: 'C' }, 'Usage:'],
      [['--help', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' }, '用法：'],
      [['--help', '--lang', 'zh'], { LANG: 'C' }, '用法：'],
      [['--help'], { LC_ALL: 'zh_CN.UTF-8' }, '用法：'],
    ] as const) {
      const io = { ...testIO(), env };
      expect(await main([...args], io)).toBe(0);
      expect(io.stdout.text).toContain(heading);
      expect(io.stderr.text).toBe('');
    }
  });

  it('says schema takes no arguments in Chinese under a Chinese locale, in English otherwise', async () => {
    const zh = await runCommand('schema', ['--format', 'yaml'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe("shequ-rules schema：不接受参数（收到 '--format yaml'）（见：shequ-rules schema --help）\n");
    expect(englishIn(zh.stderr, 'yaml')).toEqual([]);
    const en = await runCommand('schema', ['--format', 'yaml'], { env: { LANG: 'C' } });
    expect(en.stderr).toBe("shequ-rules schema: takes no arguments, got '--format yaml' (see: shequ-rules schema --help)\n");
  });
});
