import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const src = resolve('src');
const dist = resolve('dist');
const rules = resolve('rules');

/**
 * The CommonJS bundle requires the package's JSON files where they lie instead of inlining a copy
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
    dts: { entry: { index: 'src/index.ts', arbitraries: 'src/arbitraries.ts' } },
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
    // Both entries' .d.cts here, sharing their chunk of record types.
    dts: { entry: { index: 'src/index.ts', arbitraries: 'src/arbitraries.ts' } },
    sourcemap: true,
    target: 'node20.10',
    splitting: false,
    esbuildPlugins: [jsonStaysOutside],
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
