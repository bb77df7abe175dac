/**
 * The exit code of `shequ-rules check`, from counts only (a pure function, tested on its own):
 *
 * - 130 the run was interrupted (SIGINT); no report was committed
 * - 3   the report could not be written (disk full, quota, I/O error); none was left at --out
 *       (decided where the write fails, in run.ts: it is not a function of the results)
 * - 2   an input file could not be read, or a record is invalid (arguments: see UsageError)
 * - 1   a finding fails at or above `--fail-on` (drafts and non-binding findings count)
 * - 0   otherwise
 *
 * @example exitCode({ interrupted: false, unreadableFiles: 0, invalidRecords: 0, failingViolations: 1, failingWarnings: 0 }, 'violation') // 1
 * @example exitCode({ interrupted: false, unreadableFiles: 0, invalidRecords: 0, failingViolations: 0, failingWarnings: 3 }, 'violation') // 0
 * @example exitCode({ interrupted: false, unreadableFiles: 0, invalidRecords: 0, failingViolations: 0, failingWarnings: 3 }, 'warning')   // 1
 */

export const FAIL_ON = ['violation', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;
export const EXIT_INTERRUPTED = 130;
export const EXIT_WRITE_FAILED = 3;

export interface ExitCodeInput {
  interrupted: boolean;
  unreadableFiles: number;
  invalidRecords: number;
  /** `fail` findings of severity violation (binding or not). */
  failingViolations: number;
  /** `fail` findings of severity warning (binding or not). */
  failingWarnings: number;
}

export function exitCode(input: ExitCodeInput, failOn: FailOn): number {
  if (input.interrupted) return EXIT_INTERRUPTED;
  if (input.unreadableFiles > 0 || input.invalidRecords > 0) return EXIT_INVALID;
  const failing =
    failOn === 'never' ? 0 : failOn === 'violation' ? input.failingViolations : input.failingViolations + input.failingWarnings;
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}
