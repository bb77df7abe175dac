import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * A report file that appears whole or not at all: written to a temporary file beside the target
 * (same directory, hence same file system), renamed over the target by `commit`. `abort` removes
 * the temporary file, so an interrupted run never leaves a half report at the path.
 */
export interface AtomicOut {
  /** The temporary file's path (for tests and messages). */
  readonly tempPath: string;
  readonly stream: WriteStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Bytes handed to the file stream before a write waits for it to drain. */
export const WRITE_AHEAD_BYTES = 4 * 1024 * 1024;

/** Ends a file stream and waits until everything handed to it is written. */
export async function endStream(stream: WriteStream): Promise<void> {
  stream.end();
  await finished(stream);
}

/**
 * Opens the temporary file; rejects (ENOENT, EACCES…) when the directory is not writable, and
 * (EISDIR) when `path` is a directory — before any record is read, not at the final rename. A
 * file being replaced keeps its permissions (a 0600 report stays 0600), from the first byte on.
 */
/** An open failure said of the directory the person named, not of the temporary file's name. */
function openError(error: NodeJS.ErrnoException, dir: string): Error {
  const reason = error.code === 'ENOENT' ? `no such directory: ${dir}` : error.code === 'EACCES' ? `permission denied in ${dir}` : error.code === 'EROFS' ? `read-only file system: ${dir}` : undefined;
  return reason === undefined ? error : Object.assign(new Error(`${reason} (${error.code})`), { code: error.code });
}

/**
 * The name of the input that `outPath` is (same path, or the same file under another name or
 * link), or undefined: a report written over its own input would destroy it.
 */
export async function sameFileAs(outPath: string, inputs: ReadonlyArray<{ name: string; path: string | null }>): Promise<string | undefined> {
  const target = await stat(outPath).catch(() => null);
  for (const input of inputs) {
    if (input.path === null) continue;
    if (resolve(input.path) === outPath) return input.name;
    if (target === null) continue;
    const info = await stat(input.path).catch(() => null);
    if (info !== null && info.dev === target.dev && info.ino === target.ino) return input.name;
  }
  return undefined;
}

export async function openAtomicOut(path: string): Promise<AtomicOut> {
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const mode = existing === null ? undefined : existing.mode & 0o7777;
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A few MB may wait to be written (gathered into one writev), so that the next records are
  // evaluated while the file system writes the last ones instead of after.
  const stream = createWriteStream(tempPath, { flags: 'wx', highWaterMark: WRITE_AHEAD_BYTES, ...(mode !== undefined ? { mode } : {}) });
  await new Promise<void>((opened, reject) => {
    stream.once('open', () => opened());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(openError(error, dirname(path))));
  });
  // The mode given at creation is narrowed by the umask; the file replaced had exactly this one.
  if (mode !== undefined) await chmod(tempPath, mode);
  let settled = false;
  return {
    tempPath,
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        await endStream(stream);
        await rename(tempPath, path);
      } catch (error) {
        await rm(tempPath, { force: true });
        throw error;
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
}
