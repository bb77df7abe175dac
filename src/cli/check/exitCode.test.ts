import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exitCode, FAIL_ON, type ExitCodeInput, type FailOn } from './exitCode.js';

const clean: ExitCodeInput = { interrupted: false, unreadableFiles: 0, invalidRecords: 0, failingViolations: 0, failingWarnings: 0 };

describe('exitCode', () => {
  const cases: Array<[string, Partial<ExitCodeInput>, FailOn, number]> = [
    ['returns 0 when nothing fails', {}, 'violation', 0],
    ['returns 1 when a violation fails', { failingViolations: 1 }, 'violation', 1],
    ['returns 0 when only warnings fail and --fail-on is violation', { failingWarnings: 4 }, 'violation', 0],
    ['returns 1 when a warning fails and --fail-on is warning', { failingWarnings: 1 }, 'warning', 1],
    ['returns 1 when a violation fails and --fail-on is warning', { failingViolations: 1 }, 'warning', 1],
    ['returns 0 when violations fail and --fail-on is never', { failingViolations: 9, failingWarnings: 9 }, 'never', 0],
    ['returns 2 when a record is invalid, even with --fail-on never', { invalidRecords: 1 }, 'never', 2],
    ['returns 2 when a record is invalid and violations fail', { invalidRecords: 1, failingViolations: 5 }, 'violation', 2],
    ['returns 2 when a file is unreadable', { unreadableFiles: 1 }, 'violation', 2],
    ['returns 130 when interrupted, whatever else', { interrupted: true, invalidRecords: 3, failingViolations: 2 }, 'violation', 130],
  ];
  it.each(cases)('%s', (_name, input, failOn, expected) => {
    // Act
    const code = exitCode({ ...clean, ...input }, failOn);
    // Assert
    expect(code).toBe(expected);
  });

  const inputs = fc.record({
    interrupted: fc.boolean(),
    unreadableFiles: fc.nat(3),
    invalidRecords: fc.nat(3),
    failingViolations: fc.nat(3),
    failingWarnings: fc.nat(3),
  });
  const failOns = fc.constantFrom(...FAIL_ON);

  it('never lowers the code when a failing violation is added (monotone)', () => {
    fc.assert(
      fc.property(inputs, failOns, (input, failOn) => {
        const more = { ...input, failingViolations: input.failingViolations + 1 };
        expect(exitCode(more, failOn)).toBeGreaterThanOrEqual(exitCode(input, failOn));
      }),
    );
  });

  it('never lowers the code when an invalid record or a failing warning is added', () => {
    fc.assert(
      fc.property(inputs, failOns, (input, failOn) => {
        expect(exitCode({ ...input, invalidRecords: input.invalidRecords + 1 }, failOn)).toBeGreaterThanOrEqual(exitCode(input, failOn));
        expect(exitCode({ ...input, failingWarnings: input.failingWarnings + 1 }, failOn)).toBeGreaterThanOrEqual(exitCode(input, failOn));
      }),
    );
  });

  it('is stricter for warning than for violation, and for violation than for never', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(exitCode(input, 'warning')).toBeGreaterThanOrEqual(exitCode(input, 'violation'));
        expect(exitCode(input, 'violation')).toBeGreaterThanOrEqual(exitCode(input, 'never'));
      }),
    );
  });

  it('only ever returns 0, 1, 2 or 130', () => {
    fc.assert(
      fc.property(inputs, failOns, (input, failOn) => {
        expect([0, 1, 2, 130]).toContain(exitCode(input, failOn));
      }),
    );
  });
});
