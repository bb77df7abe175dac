import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const src = resolve('src');
const dist = resolve('dist');

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

/** src/generated/*.json, which the ESM modules import, beside them in dist/generated/ (minified). */
function copyGeneratedJson(): void {
  mkdirSync(resolve(dist, 'generated'), { recursive: true });
  for (const name of readdirSync(resolve(src, 'generated')).filter((f) => f.endsWith('.json'))) {
    const data: unknown = JSON.parse(readFileSync(resolve(src, 'generated', name), 'utf8'));
    writeFileSync(resolve(dist, 'generated', name), JSON.stringify(data));
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
    onSuccess: async () => copyGeneratedJson(),
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
