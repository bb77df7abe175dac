/**
 * Shared public types: the catalogue of laws, the checks stored beside their articles, and the
 * findings that `evaluate` returns. Spellings follow `../shared/spec/records.md` (public API).
 */
import type { CheckId } from './generated/checkIds.js';

/** The five city keys. These are identifiers of the public API, not law data. */
export const CITY_KEYS = Object.freeze(['shenyang', 'dalian', 'guiyang', 'tonghua', 'zhangjiakou'] as const);
export type CityKey = (typeof CITY_KEYS)[number];
export type { CheckId, CheckIdOf, CheckIdsByCityAndKind, CheckParameterNames } from './generated/checkIds.js';

/** The seventeen record kinds of the contract (records.md and contract-v2 §3). */
export const RECORD_KINDS = Object.freeze([
  'community',
  'grid',
  'streetOffice',
  'residentialProject',
  'task',
  'inspection',
  'certificateRequest',
  'orgRegistration',
  'communityWorker',
  'consultation',
  'complaint',
  'gridCase',
  'emergencyEvent',
  'compound',
  'departmentReview',
  'publicFacilityProject',
  'governmentBudget',
] as const);
export type RecordKind = (typeof RECORD_KINDS)[number];

export type LawStatus = 'draft' | 'in-force';

/** Metadata of one law, as in the spec's table and the law's own text. */
export interface LawMeta {
  city: CityKey;
  /** Full title, e.g. 沈阳市社区建设促进条例（草案）. */
  title: string;
  status: LawStatus;
  /** ISO dates (YYYY-MM-DD) or null where the law has none. */
  adopted: string | null;
  approved: string | null;
  /** Publication date where known (Dalian's draft: 2023-08-31). */
  published: string | null;
  /** First day in force; null for the drafts (blank in their text). */
  inForceFrom: string | null;
  /** The enacting body where the text names it. */
  enactingBody: string | null;
  /** The approving body where the text names it (Guiyang, Tonghua). */
  approvingBody: string | null;
  /** Where the text comes from: the copy in `seeds/` and the page it was scraped from. */
  source: { file: string; page: string };
  /** How many articles (items for Zhangjiakou) the law has. */
  articleCount: number;
}

/** An enumerated item （一）… inside a paragraph. */
export interface CatalogueItem {
  number: number;
  /** （一）, （二）… always full-width brackets. */
  label: string;
  /** Simplified mainland Chinese, without the leading label. */
  text: string;
  /** Verbatim source text (Guiyang only, traditional characters). */
  sourceText?: string;
}

/** A paragraph (款). Enumerated items belong to the paragraph that introduces them. */
export interface CatalogueParagraph {
  number: number;
  /** The paragraph's full text, items included (one per line), simplified Chinese. */
  text: string;
  sourceText?: string;
  items?: CatalogueItem[];
}

export interface ChapterRef {
  number: number;
  /** 第一章 / 一、 */
  label: string;
  /** 总则 … / 推进社区治理的总体要求 … */
  title: string;
}

export type NoCheckReason =
  | 'principle'
  | 'government-duty'
  | 'definition'
  | 'encouragement'
  | 'liability'
  | 'procedure'
  | 'commencement'
  | 'no-record-fact';

/** One article (条) of a law; for Zhangjiakou's decision, one numbered item （一）…（十五）. */
export interface CatalogueArticle {
  number: number;
  /** 第十条, or （三） for Zhangjiakou. */
  label: string;
  chapter: ChapterRef | null;
  /** Dalian's bracketed article title, e.g. 立法目的 (without the brackets). */
  title?: string;
  paragraphs: CatalogueParagraph[];
  /** The article's text in simplified mainland Chinese: paragraphs joined with "\n", no heading. */
  text: string;
  /** Guiyang: the verbatim (traditional, Taiwan-localised) text of the page. */
  sourceText?: string;
  /** The machine checks of this article (json-rules-engine rules with metadata). */
  checks: CheckEntry[];
  /** Why an article has no machine check. */
  noCheck?: { reason: NoCheckReason; note: string };
}

/** A `rules/<city>.json` file. */
export interface RuleFile {
  city: CityKey;
  law: LawMeta;
  /** Zhangjiakou: the decision's preamble and closing sentence, its own text. */
  preamble?: string;
  closing?: string;
  /** Circumstances in which this law's checks are not binding (Tonghua 第四十四条 参照). */
  nonBinding?: NonBindingRule[];
  articles: CatalogueArticle[];
}

export interface NonBindingRule {
  /** The record kind the exception is about. */
  kind: RecordKind;
  /** A json-rules-engine condition on the record's facts. */
  when: ConditionJson;
  /** The article that makes it so, e.g. 44. */
  article: number;
  reason: string;
}

/** json-rules-engine's condition JSON (leaf or boolean), with an optional name. */
export type ConditionJson =
  | { all: ConditionJson[]; name?: string }
  | { any: ConditionJson[]; name?: string }
  | { not: ConditionJson; name?: string }
  | {
      fact: string;
      operator: string;
      value: unknown;
      path?: string;
      params?: Record<string, unknown>;
      name?: string;
    };

export type Severity = 'violation' | 'warning';

export interface InterpretationParameter {
  default: number;
  /** The range a caller may set it in (a reading of the law, given in `reason`): min ≤ default ≤ max. */
  min: number;
  max: number;
  /** One line: why this default ("左右 read as ±20%: …"). */
  reason: string;
  /**
   * Where the law itself writes the value: the words of the cited article that give the default
   * (`不少于600平方米`). Absent for a reading the text leaves open (a tolerance for 左右).
   */
  quote?: string;
}

/**
 * One check of the contract, stored beside the article it cites. The object is itself a
 * json-rules-engine rule (`name`, `conditions`, `event`); the other keys are our metadata and are
 * ignored by the engine. `conditions` is `{ all: [appliesWhen, passesWhen] }`, named so.
 */
export interface CheckEntry {
  /** The check id, e.g. shenyang.10.1.facility-area. Equals `name`. */
  id: string;
  name: string;
  kind: RecordKind;
  severity: Severity;
  /** One line: why this severity (the law's word: 应当, 一般, 左右 …). */
  severityReason: string;
  /** Where in the article: paragraph (款) and item (项). Omitted paragraph = the whole article. */
  cites: { paragraph?: number; item?: number };
  /** Liability article where the law names one (Tonghua 第四十一条 for 第十八条第三款). */
  liability?: number;
  /**
   * When the liability article applies to a record only in some cases (Tonghua 第四十一条 names the
   * departments, so 第十八条第三款 carries it only for a task a department assigned): a condition on
   * the record's facts; the finding cites the liability only when it is known to hold.
   */
  liabilityWhen?: ConditionJson;
  parameters?: Record<string, InterpretationParameter>;
  /** One line for a reviewer: what of the cited paragraph the check leaves out, or whose duty it reads. */
  note?: string;
  /**
   * The concept several cities' laws share (task-lists, grid-staffing, consultation-body,
   * resident-convention, funding-budgeted, facility-sync): the checks of one concept read the same
   * facts in the same way unless a check carries `differsBecause` (tests/crossCity.test.ts).
   */
  concept?: string;
  /** Why this city's reading of its concept differs: words of the cited paragraph, and one line. */
  differsBecause?: { quotes: string[]; note: string };
  /** Message templates; placeholders {expected} {actual} {detail}, a count with its English noun as {actual|one|other}. */
  message: { fail: { zh: string; en: string }; pass?: { zh: string; en: string } };
  conditions: { all: [ConditionJson & { name: 'appliesWhen' }, ConditionJson & { name: 'passesWhen' }] };
  event: { type: string; params?: Record<string, unknown> };
}

// ---------------------------------------------------------------------------------------------
// Findings

export type FindingStatus = 'pass' | 'fail' | 'not-applicable' | 'unknown';

export type NotApplicableReason = 'not-in-force' | 'condition-not-met';

export interface Citation<City extends string = CityKey> {
  city: City;
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
  /** 第三十四条第二款, 第三十七条, （三）第二款 … */
  label: string;
  /** The cited text (the paragraph's, or the article's when no paragraph is cited). */
  text: string;
  liability?: { article: number; label: string; text: string };
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/** What every finding carries, whatever its status. */
export interface FindingBase<Id extends string = CheckId, City extends string = CityKey> {
  recordId: string;
  ruleId: Id;
  city: City;
  kind: RecordKind;
  severity: Severity;
  binding: boolean;
  /** Shared by the findings of one check and deeply frozen. */
  citation: Citation<City>;
  message: LocalizedText;
}

/** The check passed; `expected`/`actual` where it compares a quantity. */
export interface PassFinding<Id extends string = CheckId, City extends string = CityKey> extends FindingBase<Id, City> {
  status: 'pass';
  /** The required quantity (e.g. 620 m²) where a quantity is compared. */
  expected?: number;
  /** The submitted quantity where a quantity is compared. */
  actual?: number;
  missing?: never;
  reason?: never;
}

/** The check failed; `expected`/`actual` where it compares a quantity. */
export interface FailFinding<Id extends string = CheckId, City extends string = CityKey> extends FindingBase<Id, City> {
  status: 'fail';
  expected?: number;
  actual?: number;
  missing?: never;
  reason?: never;
}

/** An absent fact left the check undecided; `missing` lists exactly those fact paths. */
export interface UnknownFinding<Id extends string = CheckId, City extends string = CityKey> extends FindingBase<Id, City> {
  status: 'unknown';
  /** Absent fact paths, e.g. facts.households. */
  missing: string[];
  expected?: never;
  actual?: never;
  reason?: never;
}

/** A known fact makes the check not apply, or the law is not in force on `asOf`. */
export interface NotApplicableFinding<Id extends string = CheckId, City extends string = CityKey> extends FindingBase<Id, City> {
  status: 'not-applicable';
  reason: NotApplicableReason;
  expected?: never;
  actual?: never;
  missing?: never;
}

/** One check's verdict on one record, a union on `status`. */
export type Finding<Id extends string = CheckId, City extends string = CityKey> =
  | PassFinding<Id, City>
  | FailFinding<Id, City>
  | UnknownFinding<Id, City>
  | NotApplicableFinding<Id, City>;

// ---------------------------------------------------------------------------------------------
// Traces (`explain: true`)

/** A condition's three-valued truth: `'unknown'` when an absent fact leaves it undecided. */
export type TraceTruth = boolean | 'unknown';

/** A fact a condition reads, as in the rule file: a record fact (with a path into it) or a derived fact with its params. */
export interface TracedFact {
  fact: string;
  /** JSONPath into the fact, e.g. `$.plan` for `facts.emergency.plan`. */
  path?: string;
  /** A derived fact's params, e.g. `{ of: { fact: 'households' }, rate: 40, per: 100 }`. */
  params?: Record<string, unknown>;
}

/** One comparison as evaluated on the record. */
export interface LeafTrace extends TracedFact {
  operator: string;
  /**
   * The value compared against, parameters substituted; a fact reference's value when the rule
   * compares with another fact (see `valueFact`). Absent when that fact is absent.
   */
  value?: unknown;
  /** The fact `value` was read from, when the rule compares with another fact. */
  valueFact?: TracedFact;
  /** The fact's value on the record; absent when the record lacks it. */
  actual?: unknown;
  truth: TraceTruth;
  /** For an unknown leaf: the absent fact paths that leave it undecided (`facts.households`). */
  missing?: string[];
}

export interface AllTrace {
  all: ConditionTrace[];
  truth: TraceTruth;
}

export interface AnyTrace {
  any: ConditionTrace[];
  truth: TraceTruth;
}

export interface NotTrace {
  not: ConditionTrace;
  truth: TraceTruth;
}

/** A check's condition tree as evaluated: every node with its Kleene truth. */
export type ConditionTrace = AllTrace | AnyTrace | NotTrace | LeafTrace;

/**
 * Why a finding came out as it did: both named parts of the check's conditions, evaluated. The
 * finding's status follows from the two truths: `appliesWhen` false → not-applicable; unknown →
 * unknown; true → `passesWhen` true, false, unknown → pass, fail, unknown.
 */
export interface FindingTrace {
  appliesWhen: ConditionTrace;
  passesWhen: ConditionTrace;
}

/**
 * A finding of an evaluator created with `explain: true`: the same finding with its `trace`. Every
 * finding whose conditions were evaluated has one; a not-in-force finding (nothing evaluated) none.
 */
export type ExplainedFinding<Id extends string = CheckId, City extends string = CityKey> =
  | (PassFinding<Id, City> & { trace: FindingTrace })
  | (FailFinding<Id, City> & { trace: FindingTrace })
  | (UnknownFinding<Id, City> & { trace: FindingTrace })
  | (NotApplicableFinding<Id, City> & { trace?: FindingTrace });

/** What went wrong, as a stable code an app can branch on. */
export type ValidationCode =
  | 'not-a-record'
  | 'unreadable'
  | 'not-json'
  | 'duplicate-key'
  | 'required'
  | 'wrong-type'
  | 'out-of-range'
  | 'not-allowed'
  | 'invalid-date'
  | 'duplicate-year'
  | 'unknown-key'
  | 'evaluator-failed'
  | 'invalid';

export interface ValidationIssue {
  /** Dotted path, e.g. facts.households; "" for the record itself. */
  path: string;
  /** The English text, as before `code`/`zh`/`en` existed (equals `en`). */
  message: string;
  code: ValidationCode;
  /** 户数：应为不小于 0 的整数，实际为 -3。 */
  zh: string;
  en: string;
}

/** A record that passed validation: one finding per check of its city and kind. */
export interface ValidEvaluationResult<Id extends string = CheckId, F = Finding<Id>, City extends string = CityKey> {
  recordId: string;
  city: City;
  kind: RecordKind;
  valid: true;
  errors?: never;
  findings: F[];
}

/** A record that failed validation: the errors (field and message), no findings. */
export interface InvalidEvaluationResult<City extends string = CityKey> {
  /** The record's id when it has a string one. */
  recordId: string | null;
  city?: City;
  kind?: RecordKind;
  valid: false;
  errors: ValidationIssue[];
  findings: [];
}

/**
 * What `evaluate` returns, a union on `valid`. `City` is the five city keys; an evaluator with rule
 * packs gives `string` (a pack's city key is known only at run time).
 */
export type EvaluationResult<Id extends string = CheckId, City extends string = CityKey> =
  | ValidEvaluationResult<Id, Finding<Id, City>, City>
  | InvalidEvaluationResult<City>;

/** What an evaluator with `explain: true` returns: findings with their `trace`. */
export type ExplainedEvaluationResult<Id extends string = CheckId, City extends string = CityKey> =
  | ValidEvaluationResult<Id, ExplainedFinding<Id, City>, City>
  | InvalidEvaluationResult<City>;
