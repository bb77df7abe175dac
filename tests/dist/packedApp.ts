/**
 * The packed tarball installed as a new user gets it: `npm pack` into a fresh directory, unpacked
 * into an app's node_modules/shequ-rules, and the package's dependencies linked from ours (offline:
 * no registry needed, in CI either). Shared by the dist tests that run from the tarball.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const run = promisify(execFile);

/** Writes each named file into `dir` (created if needed). */
export const write = (dir: string, files: Record<string, string>): void => {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
};

export interface PackedApp {
  /** The temporary directory holding the tarball and the app (the caller removes it). */
  work: string;
  tarball: string;
  app: string;
}

/** Packs the package and installs it into a new app named `appName` under a temp dir `prefix…`. */
export async function installPackedApp(prefix: string, appName: string): Promise<PackedApp> {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root });
  const tarball = join(work, (JSON.parse(stdout) as [{ filename: string }])[0].filename);
  const app = join(work, 'app');
  write(app, { 'package.json': JSON.stringify({ name: appName, private: true }) });
  const pkgDir = join(app, 'node_modules', 'shequ-rules');
  mkdirSync(pkgDir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'shequ-rules') continue;
    symlinkSync(join(root, 'node_modules', entry), join(app, 'node_modules', entry));
  }
  return { work, tarball, app };
}
