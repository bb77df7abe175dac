/**
 * The facts behind a decided finding, as data: the engine says *what* (which value is missing,
 * which stage is late), src/locales/detail.ts says it in Chinese and English. No wording here.
 */
export type DetailItem =
  /** A required value that a list fact lacks (a facility component, a grid level). */
  | { type: 'missingValue'; path: string; value: string }
  /** A value at a fact path that is not allowed (a tariff that is not residential). */
  | { type: 'offendingValue'; path: string; value: string }
  /** A stage where the subject's date (null: none) is later than the reference's. */
  | {
      type: 'lateStage';
      stage: string;
      /** Fact names: `facility`, `project`. */
      subject: string;
      reference: string;
      subjectDate: string | null;
      referenceDate: string;
    }
  /** A listed amount lower than the one before it: `key` (a year) against `previousKey`. */
  | { type: 'drop'; key: string; previousKey: string };
