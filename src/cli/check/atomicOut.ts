import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/**
 * Opens the temporary file; rejects (ENOENT, EACCES…) when the directory is not writable, and
 * (EISDIR) when `path` is a directory — before any record is read, not at the final rename. A
 * file being replaced keeps its permissions (a 0600 report stays 0600), from the first byte on.
 */
export async function openAtomicOut(path: string): Promise<AtomicOut> {
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const mode = existing === null ? undefined : existing.mode & 0o7777;
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(tempPath, { flags: 'wx', ...(mode !== undefined ? { mode } : {}) });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
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
        stream.end();
        await finished(stream);
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
