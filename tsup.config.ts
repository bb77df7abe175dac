import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const src = resolve('src');
const dist = resolve('dist');
const rules = resolve('rules');

/**
 * The CommonJS bundles require the package's JSON files where they lie instead of inlining a copy
 * (rules/*.json, and src/generated/*.json as copied to dist/generated/): the law ships once, read
 * by both module systems.
 */
const jsonStaysOutside: EsbuildPlugin = {
  name: 'json-stays-outside',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      let target = resolve(args.resolveDir, args.path);
      if (target.startsWith(`${src}/`)) target = resolve(dist, relative(src, target));
      if (target.startsWith(`${rules}/`)) target = resolve(dist, 'rules', relative(rules, target));
      const path = relative(dist, target).split('\\').join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

/**
 * The CommonJS arbitraries take the library from dist/index.cjs (every module they import from src/
 * is exported there) instead of bundling a second copy of it.
 */
const libraryFromIndex: EsbuildPlugin = {
  name: 'library-from-index',
  setup(build) {
    const own = new Set([resolve(src, 'arbitraries.ts'), resolve(src, 'schema/arbitraries.ts')]);
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (!target.startsWith(`${src}/`) || own.has(target)) return undefined;
      return { path: './index.cjs', external: true };
    });
  },
};

/**
 * The per-city entries (`shequ-rules/laws/<city>`): one per module in src/laws/, each reading its
 * own dist/rules/<city>.json.
 */
const lawEntries = Object.fromEntries(
  readdirSync(resolve(src, 'laws'))
    .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
    .map((f) => [`laws/${f.slice(0, -3)}`, `src/laws/${f}`]),
);

/** The declaration entries, for both module systems (.d.ts and .d.cts): one shared chunk of types. */
const dtsEntries = { index: 'src/index.ts', arbitraries: 'src/arbitraries.ts', ...lawEntries };

/**
 * The CommonJS library requires each law's own module (dist/laws/<city>.cjs, below) where the
 * source imports src/laws/<city>.ts, statically (the catalogue's `ruleFiles`) or dynamically
 * (`loadLaw`): one instance of each law in a CommonJS app, and no lazy-module wrappers in index.cjs.
 */
const lawsFromTheirModules: EsbuildPlugin = {
  name: 'laws-from-their-modules',
  setup(build) {
    build.onResolve({ filter: /\/laws\/\w+\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (!target.startsWith(`${src}/laws/`)) return undefined;
      return { path: `./${relative(src, target).replace(/\.ts$/, '.cjs')}`, external: true };
    });
  },
};

/**
 * The CommonJS per-city modules: what src/laws/<city>.ts does (`cityLaw(json, city)`), written out
 * as one line each on the shared dist/catalogue/cityLaw.cjs (the few catalogue helpers a law needs)
 * and the city's own dist/rules/<city>.json, instead of an esbuild bundle each (whose CommonJS
 * interop helpers would cost more than the line). `module.exports` is the frozen CityLaw; the
 * `0&&` line names its exports for Node's CommonJS export detection. The dist tests run them.
 */
function writeLawsCommonJs(): void {
  for (const entry of Object.keys(lawEntries)) {
    const city = entry.slice('laws/'.length);
    const exportNames = 'articles,city,getArticle,law,ruleFile,searchArticles';
    writeFileSync(
      resolve(dist, `${entry}.cjs`),
      `"use strict";module.exports=require("../catalogue/cityLaw.cjs").cityLaw(require("../rules/${city}.json"),${JSON.stringify(city)});` +
        `0&&(module.exports={${exportNames}});\n`,
    );
  }
}

const minifyJson = (from: string, to: string): void => {
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, JSON.stringify(JSON.parse(readFileSync(from, 'utf8'))));
};

/**
 * The package's JSON, minified into dist/ (the same data in three quarters of the bytes): the rule
 * files (dist/rules/, exported as `shequ-rules/rules/*.json`), the record JSON Schema
 * (dist/schema/record.schema.json) and src/generated/*.json beside the modules that import them.
 * The ESM modules' imports of ../../rules/ are pointed at dist/rules/.
 */
function copyJson(): void {
  for (const name of readdirSync(rules).filter((f) => f.endsWith('.json'))) minifyJson(resolve(rules, name), resolve(dist, 'rules', name));
  minifyJson(resolve('schema/record.schema.json'), resolve(dist, 'schema/record.schema.json'));
  for (const name of readdirSync(resolve(src, 'generated')).filter((f) => f.endsWith('.json'))) {
    minifyJson(resolve(src, 'generated', name), resolve(dist, 'generated', name));
  }
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
    const path = resolve(dist, file);
    const code = readFileSync(path, 'utf8');
    const next = code.replace(/(["'])(\.\.?\/[^"']*?\.json)\1/g, (whole, quote: string, specifier: string) => {
      const target = resolve(dirname(path), specifier);
      if (!target.startsWith(`${rules}/`)) return whole;
      const moved = relative(dirname(path), resolve(dist, 'rules', relative(rules, target))).split('\\').join('/');
      return `${quote}${moved.startsWith('.') ? moved : `./${moved}`}${quote}`;
    });
    if (next !== code) writeFileSync(path, next);
  }
}

// Identifiers stay as written (stack traces keep their function names); whitespace and syntax are
// minified because the tarball carries the code twice (ESM and CommonJS).
const minify = { minifyWhitespace: true, minifySyntax: true } as const;

export default defineConfig([
  {
    // ESM: one file per module, not bundled, so an app's bundler drops every module it does not
    // use (`sideEffects: false`); the CLI (dist/cli.js) runs on these same modules.
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/*.d.ts', '!src/**/testing.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: dtsEntries },
    sourcemap: false,
    // No `clean`: tsup builds these configs at once, and one config's clean could delete what
    // another had already written (a build once lacked dist/catalogue/cityLaw.cjs). `npm run build`
    // empties dist/ before tsup starts.
    target: 'node20.10',
    // After this build: the JSON, and the CommonJS per-city modules beside the ESM ones.
    onSuccess: async () => {
      copyJson();
      writeLawsCommonJs();
    },
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
  {
    // CommonJS: the library in one bundle, requiring its JSON files and its laws where they lie.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    // Every entry's .d.cts here, sharing their chunk of record types.
    dts: { entry: dtsEntries },
    sourcemap: false,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [jsonStaysOutside, lawsFromTheirModules],
    esbuildOptions(options) {
      // This one bundle also renames its local identifiers: it is the largest file of the tarball
      // (held to 1.5 MB), and its exports keep their names; the ESM modules keep every name.
      Object.assign(options, minify, { minifyIdentifiers: true, charset: 'utf8' });
    },
  },
  {
    // The helpers the CommonJS per-city laws share (see writeLawsCommonJs, run after the ESM build):
    // each law requires its own dist/rules/<city>.json and these (not the library), so a script that
    // needs one law loads one.
    entry: { 'catalogue/cityLaw': 'src/catalogue/cityLaw.ts' },
    format: ['cjs'],
    sourcemap: false,
    target: 'node20.10',
    splitting: false,
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
  {
    // CommonJS arbitraries on that bundle (fast-check, an optional peer, stays external).
    entry: { arbitraries: 'src/arbitraries.ts' },
    format: ['cjs'],
    sourcemap: false,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [libraryFromIndex],
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
]);
