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

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BundleCase {
  /** What the app imports, e.g. `{ evaluate } from 'shequ-rules'`. */
  imports: string;
  /** The most bytes the minified bundle may have. */
  budget: number;
}

export const BUNDLE_CASES: readonly BundleCase[] = [
  { imports: "{ evaluate } from 'shequ-rules'", budget: 400_000 },
  { imports: "{ toChineseNumeral } from 'shequ-rules'", budget: 150_000 },
  { imports: "{ listLaws } from 'shequ-rules'", budget: 150_000 },
  { imports: "{ formatCitationLabel } from 'shequ-rules'", budget: 150_000 },
];

/** The unpacked tarball's budget. */
export const TARBALL_BUDGET = 1_500_000;

export interface BundleSize extends BundleCase {
  minified: number;
  gzip: number;
  /** The files the bundle holds code of (paths relative to the package root). */
  inputs: string[];
}

/** Bundles one import as an app would and measures it. */
export async function bundleSize(bundleCase: BundleCase): Promise<BundleSize> {
  const names = /\{([^}]*)\}/.exec(bundleCase.imports)?.[1]?.split(',').map((name) => name.trim()) ?? [];
  const result = await build({
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
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
  return { ...bundleCase, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
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
    console.log(`import ${size.imports}: ${kb(size.minified)} minified, ${kb(size.gzip)} gzip (budget ${kb(size.budget)})`);
  }
  const tarball = await tarballSize();
  console.log(`tarball: ${kb(tarball.unpacked)} unpacked, ${kb(tarball.packed)} packed, ${tarball.files.length} files (budget ${kb(TARBALL_BUDGET)})`);
}
