/**
 * The package's size budgets (issue #10): what an app pays for importing part of the library in a
 * browser bundle, and the unpacked tarball. `npm run size` prints the figures; the dist test
 * tests/dist/size.test.ts holds them to the budgets. Needs a build (`npm run build`).
 *
 * Each bundle is esbuild's `--bundle --minify --platform=browser` of a file importing only the
 * named exports from the built package (resolved through its `exports`, as an app would).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { CITY_KEYS } from '../src/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BundleCase {
  /** What the app imports, e.g. `{ evaluate } from 'shequ-rules'`. */
  imports: string;
  /** The most bytes the minified bundle may have. */
  budget: number;
  /** Why a budget departs from the others of its kind. */
  why?: string;
}

/**
 * Guiyang's rule file carries its law twice, the simplified text and the page's verbatim traditional
 * text (`sourceText`), each at article and paragraph level; esbuild's default output escapes every
 * Chinese character as \uXXXX (6 bytes, against 3 in UTF-8), so the one law is about 180 KB minified
 * (110 KB as UTF-8, 25 KB gzip: `npm run size` prints all three).
 */
const GUIYANG = {
  budget: 185_000,
  why: 'the law twice (simplified and traditional), Chinese escaped as \\uXXXX by esbuild',
} as const;

export const BUNDLE_CASES: readonly BundleCase[] = [
  { imports: "{ evaluate } from 'shequ-rules'", budget: 400_000 },
  { imports: "{ toChineseNumeral } from 'shequ-rules'", budget: 150_000 },
  { imports: "{ listLaws } from 'shequ-rules'", budget: 150_000 },
  { imports: "{ formatCitationLabel } from 'shequ-rules'", budget: 150_000 },
  { imports: "{ summarizeLaws, checkCoverage } from 'shequ-rules'", budget: 150_000 },
  // The synchronous catalogue, for any city: all five laws (what the subpaths below avoid).
  { imports: "{ getArticle } from 'shequ-rules'", budget: 560_000, why: 'all five laws, by design' },
  // One city's law through its own subpath: that law's text and the few helpers searching it.
  ...CITY_KEYS.map((city) => ({
    imports: `{ city, law, articles, getArticle, searchArticles } from 'shequ-rules/laws/${city}'`,
    ...(city === 'guiyang' ? GUIYANG : { budget: 150_000 }),
  })),
];

/** What an app that picks the city at run time pays up front: `loadLaw`'s entry chunk, law text split off. */
export const LOAD_LAW_CASE: BundleCase = { imports: "{ loadLaw } from 'shequ-rules'", budget: 150_000 };

/** The unpacked tarball's budget. */
export const TARBALL_BUDGET = 1_500_000;

export interface BundleSize extends BundleCase {
  minified: number;
  /** The same bundle written as UTF-8 (esbuild `charset: 'utf8'`; Rollup and terser's default). */
  utf8: number;
  gzip: number;
  /** The files the bundle holds code of (paths relative to the package root). */
  inputs: string[];
}

/** Bundles one import as an app would and measures it. */
export async function bundleSize(bundleCase: BundleCase): Promise<BundleSize> {
  const names = /\{([^}]*)\}/.exec(bundleCase.imports)?.[1]?.split(',').map((name) => name.trim()) ?? [];
  const options = {
    stdin: {
      contents: `import ${bundleCase.imports};\nglobalThis.used = [${names.join(', ')}];\n`,
      resolveDir: root,
      sourcefile: 'app.js',
    },
    bundle: true,
    minify: true,
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  } as const;
  const result = await build(options);
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
  const utf8 = await build({ ...options, charset: 'utf8', metafile: false });
  return { ...bundleCase, minified: code.byteLength, utf8: utf8.outputFiles[0]!.contents.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
}

export interface SplitBundleSize extends BundleCase {
  /** The entry chunk: what loads before any `import()` runs. */
  entry: { minified: number; gzip: number; inputs: string[] };
  /** The other chunks, each with the files it holds code of. */
  chunks: { minified: number; inputs: string[] }[];
}

/**
 * Bundles one import as an app would with code splitting on (esbuild `--splitting --format=esm`,
 * the way an app bundler treats `import()`), and measures the entry chunk and each lazy chunk.
 */
export async function splitBundleSize(bundleCase: BundleCase): Promise<SplitBundleSize> {
  const names = /\{([^}]*)\}/.exec(bundleCase.imports)?.[1]?.split(',').map((name) => name.trim()) ?? [];
  const result = await build({
    stdin: {
      contents: `import ${bundleCase.imports};\nglobalThis.used = [${names.join(', ')}];\n`,
      resolveDir: root,
      sourcefile: 'app.js',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    minify: true,
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const measured = Object.entries(result.metafile.outputs).map(([path, output]) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(path))!;
    const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input);
    // Each `import()` target is an entry point of its own to esbuild: the app's entry is stdin.
    return { isEntry: output.entryPoint === 'app.js', code: file.contents, inputs };
  });
  const entry = measured.find((m) => m.isEntry)!;
  return {
    ...bundleCase,
    entry: { minified: entry.code.byteLength, gzip: gzipSync(entry.code, { level: 9 }).byteLength, inputs: entry.inputs },
    chunks: measured.filter((m) => !m.isEntry).map((m) => ({ minified: m.code.byteLength, inputs: m.inputs })),
  };
}

/** `npm pack --dry-run`'s unpacked size and file count. */
export async function tarballSize(): Promise<{ unpacked: number; packed: number; files: { path: string; size: number }[] }> {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  const [pack] = JSON.parse(stdout) as [{ unpackedSize: number; size: number; files: { path: string; size: number }[] }];
  return { unpacked: pack.unpackedSize, packed: pack.size, files: pack.files };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  for (const bundleCase of BUNDLE_CASES) {
    const size = await bundleSize(bundleCase);
    const why = size.why === undefined ? '' : `: ${size.why}`;
    console.log(`import ${size.imports}: ${kb(size.minified)} minified (${kb(size.utf8)} as UTF-8), ${kb(size.gzip)} gzip (budget ${kb(size.budget)}${why})`);
  }
  const split = await splitBundleSize(LOAD_LAW_CASE);
  const lawChunks = split.chunks
    .map((chunk) => ({ ...chunk, law: chunk.inputs.map((path) => /rules\/(\w+)\.json$/.exec(path)?.[1]).find(Boolean) }))
    .filter((chunk) => chunk.law !== undefined)
    .map((chunk) => `${chunk.law} ${kb(chunk.minified)}`);
  console.log(
    `import ${split.imports}, split: entry ${kb(split.entry.minified)} minified, ${kb(split.entry.gzip)} gzip (budget ${kb(split.budget)}); ` +
      `law chunks loaded on demand: ${lawChunks.join(', ')}`,
  );
  const tarball = await tarballSize();
  console.log(`tarball: ${kb(tarball.unpacked)} unpacked, ${kb(tarball.packed)} packed, ${tarball.files.length} files (budget ${kb(TARBALL_BUDGET)})`);
}
