import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recordJsonSchemaText } from '../schema/jsonSchema.js';
import { UsageError, type CliIO } from './io.js';
import { runSchema } from './schema.js';

/** Streams to run a command against, and what it wrote. */
function testIO(): { io: CliIO; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const io: CliIO = { stdin: new PassThrough(), stdout, stderr, stdoutIsTTY: false, stderrIsTTY: false, cwd: process.cwd() };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('shequ-rules schema', () => {
  it('prints the record JSON Schema and exits 0', async () => {
    // Arrange
    const { io, stdout, stderr } = testIO();
    // Act
    const code = await runSchema([], io);
    // Assert
    expect(code).toBe(0);
    expect(stdout()).toBe(recordJsonSchemaText());
    expect(JSON.parse(stdout())).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(stderr()).toBe('');
  });

  it('prints one line of help for --help and exits 0', async () => {
    // Arrange
    const { io, stdout } = testIO();
    // Act
    const code = await runSchema(['--help'], io);
    // Assert
    expect(code).toBe(0);
    expect(stdout()).toMatch(/^Usage: shequ-rules schema .*JSON Schema.*\n$/);
  });

  it('rejects arguments as a usage error', async () => {
    // Arrange
    const { io, stdout } = testIO();
    // Act
    const run = runSchema(['--format', 'yaml'], io);
    // Assert
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow("takes no arguments, got '--format yaml'");
    expect(stdout()).toBe('');
  });
});
