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
 * by both module systems. `outDir` is where the bundle is written (dist/, or dist/laws/ for the
 * per-city modules): the require paths are relative to it.
 */
const jsonStaysOutside = (outDir = dist): EsbuildPlugin => ({
  name: 'json-stays-outside',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      let target = resolve(args.resolveDir, args.path);
      if (target.startsWith(`${src}/`)) target = resolve(dist, relative(src, target));
      if (target.startsWith(`${rules}/`)) target = resolve(dist, 'rules', relative(rules, target));
      const path = relative(outDir, target).split('\\').join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
});

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
 * The CommonJS per-city modules share one dist/catalogue/cityLaw.cjs (the few catalogue helpers a
 * law needs: search, citation labels, freezing) instead of each bundling a copy.
 */
const cityLawShared: EsbuildPlugin = {
  name: 'city-law-shared',
  setup(build) {
    build.onResolve({ filter: /\/cityLaw\.js$/ }, (args) => {
      if (args.kind === 'entry-point' || !args.importer.startsWith(resolve(src, 'laws'))) return undefined;
      return { path: '../catalogue/cityLaw.cjs', external: true };
    });
  },
};

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
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/*.d.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: dtsEntries },
    sourcemap: true,
    clean: true,
    target: 'node20.10',
    onSuccess: async () => copyJson(),
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
  {
    // CommonJS: the library in one bundle, requiring its JSON files where they lie.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    // Every entry's .d.cts here, sharing their chunk of record types.
    dts: { entry: dtsEntries },
    sourcemap: true,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [jsonStaysOutside()],
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
  {
    // CommonJS per-city laws: each requires its own dist/rules/<city>.json and the shared helpers
    // (not the library), so a script that needs one law loads one.
    entry: { ...lawEntries, 'catalogue/cityLaw': 'src/catalogue/cityLaw.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [jsonStaysOutside(resolve(dist, 'laws')), cityLawShared],
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
  {
    // CommonJS arbitraries on that bundle (fast-check, an optional peer, stays external).
    entry: { arbitraries: 'src/arbitraries.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [libraryFromIndex],
    esbuildOptions(options) {
      Object.assign(options, minify, { charset: 'utf8' });
    },
  },
]);
