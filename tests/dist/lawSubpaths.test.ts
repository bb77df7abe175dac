/**
 * One city's law from the packed tarball, as an app imports it: `shequ-rules/laws/<city>` from ESM,
 * CommonJS and strict TypeScript (node16 ESM and CommonJS, bundler), and `loadLaw` from the main
 * entry. A CommonJS script that requires one city reads that city's rule file and no other.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedApp, root, run, write } from './packedApp.js';

let work: string;
let app: string;

beforeAll(async () => {
  ({ work, app } = await installPackedApp('shequ-laws-', 'laws-app'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const tsc = (dir: string) =>
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir }).catch(
    (error: { stdout: string }) => error,
  );

const TYPED_APP = `
  import { articles, city, getArticle, law, searchArticles } from 'shequ-rules/laws/guiyang';
  import type { CatalogueArticle, CityLaw } from 'shequ-rules';
  import * as guiyangLaw from 'shequ-rules/laws/guiyang';
  const guiyang: CityLaw<'guiyang'> = guiyangLaw;
  const name: 'guiyang' = city;
  const article: CatalogueArticle | undefined = getArticle(37);
  const labels: string[] = searchArticles('网格').map((match) => match.label);
  const cities: 'guiyang'[] = searchArticles('网格').map((match) => match.city);
  const count: number = articles.length + law.articleCount;
  // @ts-expect-error a city's getArticle takes the article number only
  getArticle('guiyang', 37);
  // @ts-expect-error the articles are read-only
  articles.push(articles[0]!);
  export { article, cities, count, guiyang, labels, name };`;

describe('shequ-rules/laws/<city> from the packed tarball', () => {
  it('runs in an ESM app, with loadLaw from the main entry', async () => {
    const dir = join(app, 'esm');
    write(dir, {
      'package.json': JSON.stringify({ type: 'module' }),
      'main.js': `
        import { city, getArticle, law, searchArticles } from 'shequ-rules/laws/guiyang';
        import * as tonghua from 'shequ-rules/laws/tonghua';
        import { loadLaw } from 'shequ-rules';
        const zhangjiakou = await loadLaw('zhangjiakou');
        console.log(JSON.stringify([
          city, law.inForceFrom, getArticle(37).label, searchArticles('不低于800平方米')[0].paragraphs[0].label,
          tonghua.searchArticles('网格').length, Object.isFrozen(tonghua.ruleFile.articles[0]),
          zhangjiakou.getArticle(3).label, zhangjiakou.ruleFile === (await import('shequ-rules/laws/zhangjiakou')).ruleFile,
        ]));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual(['guiyang', '2013-12-01', '第三十七条', '第三十七条', 6, true, '（三）', true]);
  });

  it('runs in a CommonJS script that loads that one law and no other', async () => {
    const dir = join(app, 'cjs');
    write(dir, {
      'package.json': JSON.stringify({ type: 'commonjs' }),
      'main.js': `
        const { city, getArticle, searchArticles } = require('shequ-rules/laws/dalian');
        const rules = Object.keys(require.cache).filter((path) => /rules[\\\\/]\\w+\\.json$/.test(path)).map((path) => path.split(/[\\\\/]/).pop());
        const loaded = Object.keys(require.cache).some((path) => path.endsWith('index.cjs'));
        console.log(JSON.stringify([city, getArticle(1).title, searchArticles('网格').length > 0, rules, loaded]));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual(['dalian', '立法目的', true, ['dalian.json'], false]);
  });

  it('shares one instance of each law between the CommonJS main entry and the subpath', async () => {
    const dir = join(app, 'cjs-main');
    write(dir, {
      'package.json': JSON.stringify({ type: 'commonjs' }),
      'main.js': `
        const { getRuleFile, loadLaw } = require('shequ-rules');
        const tonghua = require('shequ-rules/laws/tonghua');
        loadLaw('tonghua').then((loaded) => console.log(JSON.stringify([
          loaded.ruleFile === tonghua.ruleFile, getRuleFile('tonghua') === tonghua.ruleFile, loaded.getArticle(14).label, Object.isFrozen(tonghua),
        ])));`,
    });
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual([true, true, '第十四条', true]);
  });

  it.each([
    ['node16, ESM', { type: 'module' }, { module: 'node16', moduleResolution: 'node16' }],
    ['node16, CommonJS', { type: 'commonjs' }, { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { type: 'module' }, { module: 'ESNext', moduleResolution: 'bundler' }],
  ])('typechecks a strict TypeScript app (%s) against the city’s own types', { timeout: 300_000 }, async (name, manifest, options) => {
    const dir = join(app, `ts-${name.replace(/\W+/g, '-')}`);
    write(dir, {
      'package.json': JSON.stringify(manifest),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', noEmit: true, skipLibCheck: false, types: [], ...options },
        include: ['app.ts'],
      }),
      'app.ts': TYPED_APP,
    });
    const { stdout } = await tsc(dir);
    expect(stdout).toBe('');
  });
});
