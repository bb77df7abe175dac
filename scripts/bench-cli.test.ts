import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureCli } from './bench-cli.js';

describe('measureCli', () => {
  let dir: string;
  let idle: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'measure-cli-'));
    idle = join(dir, 'idle.mjs');
    // A program that holds nothing: its peak is Node's own (tens of MB).
    await writeFile(idle, 'setTimeout(() => {}, 20);\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reports the child's own peak RSS, not that of the process that spawned it", async () => {
    const alone = await measureCli(idle, []);
    // The measuring process now holds 300 MB of touched memory when it forks the child.
    const held = Buffer.alloc(300 * 1024 * 1024, 1);
    const beside = await measureCli(idle, []);
    expect(held[held.length - 1]).toBe(1);
    expect(alone.exitCode).toBe(0);
    expect(beside.exitCode).toBe(0);
    expect(beside.exitMaxRssMB).not.toBeNull();
    // getrusage's maxRSS, carried over exec, said ≥ 300 MB here.
    expect(beside.peakRssMB).toBeLessThan(150);
    expect(beside.peakRssMB).toBeLessThan(alone.peakRssMB + 50);
    expect(beside.cpuSeconds).toBeGreaterThan(0);
  });
});
