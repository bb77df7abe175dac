import { describe, expect, it } from 'vitest';
import { PERF_END, PERF_START, withPerfTable, type BenchReport } from './perfTable.js';

const bench: BenchReport = {
  date: '2026-12-02T03:00:00.000Z',
  node: 'v20.20.2',
  cpus: 2,
  loadAverage: [3.1, 2.9, 2.5],
  records: { library: 49_500, disagreements: 99_000, cli: 1_000_000 },
  library: { compiled: 52_000, jsonRulesEngine: 4_100, compiledOverJre: 12.7, validation: 80_000, validationFast: 400_000, validationFastOverZod: 5 },
  threeChecks: { handWritten: 30_000_000, compiled: 3_000_000, jsonRulesEngine: 60_000, floorOverCompiled: 10, compiledOverJre: 50 },
  conditionCore: { compiled: 900_000, jsonRulesEngine: 5_000, compiledOverJre: 180 },
  floors: { jsonParse: 300_000, parseStringify: 40_000, resultBytes: 4100 },
  disagreements: 0,
  cli: [{ format: 'ndjson', jobs: 1, recordsPerSecond: 20_000, wallSeconds: 50, peakRssMB: 150 }],
};

describe('withPerfTable', () => {
  const readme = `# x\n${PERF_START}\nold\n${PERF_END}\nrest\n`;

  it('replaces the block with the figures of the bench report', () => {
    const next = withPerfTable(readme, bench);
    expect(next).toContain('| library, compiled path (validation + findings) | 52,000 | 12.7× json-rules-engine |');
    expect(next).toContain('| validation alone, fast path compiled from the zod schemas | 400,000 | 5× zod |');
    expect(next).toContain('| CLI `--format ndjson --jobs 1`, 1,000,000 records | 20,000 | peak RSS 150 MB, 50 s |');
    expect(next).toContain('Disagreements between the compiled and the json-rules-engine path: 0 of 99,000 records.');
    expect(next).not.toContain('old');
    expect(next.endsWith(`${PERF_END}\nrest\n`)).toBe(true);
  });

  it('shows the condition core on records just validated and on records validated beforehand, when the report has both', () => {
    const validatedBeforehand = { compiled: 600_000, jsonRulesEngine: 5_100, compiledOverJre: 117.6 };
    const next = withPerfTable(readme, { ...bench, conditionCore: { ...bench.conditionCore, chunk: 1_000, validatedBeforehand } });
    expect(next).toContain('| condition core alone, compiled, each record just validated (1,000 at a time) | 900,000 | 180× json-rules-engine |');
    expect(next).toContain('| condition core alone, json-rules-engine `Engine#run` | 5,000 | |');
    expect(next).toContain('| condition core alone, compiled, all records validated beforehand | 600,000 | 117.6× json-rules-engine (5,100/s) |');
    const older = withPerfTable(readme, bench);
    expect(older).toContain('| condition core alone, compiled | 900,000 | 180× json-rules-engine |');
    expect(older).not.toContain('beforehand');
  });

  it('gives the CLI runs’ CPU time, and --jobs 2’s gain beside the most it could gain, when the report has them', () => {
    const cli = [
      { format: 'ndjson', jobs: 1, recordsPerSecond: 50_000, wallSeconds: 20, cpuSeconds: 25, peakRssMB: 180 },
      { format: 'ndjson', jobs: 2, recordsPerSecond: 64_000, wallSeconds: 15.63, cpuSeconds: 29.5, peakRssMB: 190 },
    ];
    const next = withPerfTable(readme, { ...bench, cli, cliJobs2Ceiling: 1.6 });
    expect(next).toContain('| CLI `--format ndjson --jobs 1`, 1,000,000 records | 50,000 | peak RSS 180 MB, 20 s, CPU 25 s |');
    expect(next).toContain('NDJSON `--jobs 2` / `--jobs 1`: 1.28× (at most 1.6× on 2 cores without CPU of its own: `--jobs 1` used 25 s of CPU in 20 s).');
    expect(withPerfTable(readme, { ...bench, cli })).not.toContain('at most');
    const probed = withPerfTable(readme, { ...bench, cli, cliJobs2Ceiling: 1.6, machineParallelism: { aloneMs: 600, pairMs: 660, slowdown: 1.1, scaling: 1.8 } });
    const halves = withPerfTable(readme, { ...bench, cli, cliJobs2Ceiling: 1.6, cliHalvesAtOnce: { wallSeconds: 13.33, recordsPerSecond: 75_000 } });
    expect(halves).toContain('Two `--jobs 1` at once, on half the records each: 75,000 records/s (13.33 s), 1.5× one.');
    expect(probed).toContain('Two JSON-only processes at once: 1.8× one (600 ms alone, 660 ms together).');
    expect(withPerfTable(readme, bench)).toContain('| peak RSS 150 MB, 50 s |');
  });

  it('gives the CLI rate of the fastest run with every run’s, and the highest peak RSS, when a report has several runs', () => {
    const rounds = [
      { recordsPerSecond: 44_000, wallSeconds: 22.73, peakRssMB: 181.5 },
      { recordsPerSecond: 50_000, wallSeconds: 20, peakRssMB: 170 },
    ];
    const cli = [
      { format: 'ndjson', jobs: 1, recordsPerSecond: 50_000, wallSeconds: 20, cpuSeconds: 25, peakRssMB: 181.5, rounds },
      { format: 'csv', jobs: 1, recordsPerSecond: 60_000, wallSeconds: 16.67, peakRssMB: 140 },
    ];
    const cliHalvesAtOnce = { wallSeconds: 13.33, recordsPerSecond: 75_000, rounds: [{ wallSeconds: 13.33, recordsPerSecond: 75_000 }, { wallSeconds: 15, recordsPerSecond: 66_667 }] };
    const next = withPerfTable(readme, { ...bench, cli: [...cli, { ...cli[0]!, jobs: 2 }], cliJobs2Ceiling: 1.6, cliHalvesAtOnce });
    expect(next).toContain('| CLI `--format ndjson --jobs 1`, 1,000,000 records | 50,000 (runs 44,000, 50,000) | peak RSS 181.5 MB, 20 s, CPU 25 s |');
    expect(next).toContain('| CLI `--format csv --jobs 1`, 1,000,000 records | 60,000 | peak RSS 140 MB, 16.67 s |');
    expect(next).toContain('Two `--jobs 1` at once, on half the records each: 75,000 records/s (13.33 s; runs 75,000, 66,667), 1.5× one.');
  });

  it('leaves the README as it is without a bench report, and refuses one without markers', () => {
    expect(withPerfTable(readme, undefined)).toBe(readme);
    expect(() => withPerfTable('# no markers', bench)).toThrow(/perf-table markers/);
  });
});
