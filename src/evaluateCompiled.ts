/**
 * The compiled evaluator: every city's checks compiled once into synchronous closures
 * (src/engine/compileConditions.ts), and everything a finding takes from its rule alone (citation,
 * severity, the not-applicable message, the message templates) built once and shared frozen. Per
 * record only the values change. Gives the same results as the json-rules-engine path in
 * evaluate.ts, field for field and key for key (tests/differential.test.ts).
 */
import { compileCondition, compileDecisions, DECISION, RuleCompileError, type CompiledCondition, type CompileContext, type DecideChecks } from './engine/compileConditions.js';
import { citationFor, namesFailedParts, withoutLiability } from './engine/citation.js';
import { deepFreeze } from './util/deepFreeze.js';
import { resolveParameters } from './engine/parameters.js';
import { passedParts, readOneQuantity, readsSeveralFacts, traceCondition } from './engine/trace.js';
import { FactLayout, type FactSlots } from './engine/factLayout.js';
import { wordFailedParts } from './locales/failedParts.js';
import type { OperatorLookup } from './engine/operatorMap.js';
import { wordDetail } from './locales/detail.js';
import { en } from './locales/en.js';
import { labelFact } from './locales/label.js';
import { compileTemplate, compileTemplateWith, formatQuantity, type PartialTemplate } from './locales/types.js';
import { zhCN } from './locales/zh-CN.js';
import { factsSchemas } from './schema/facts.js';
import type { ShequRecord } from './schema/record.js';
import { factSlotNames, type SlottedRecord } from './schema/validateRecord.js';
import type {
  CheckEntry,
  CheckId,
  Citation,
  CityKey,
  EvaluationResult,
  ExplainedEvaluationResult,
  ExplainedFinding,
  Finding,
  ConditionTrace,
  FindingTrace,
  LocalizedText,
  RecordKind,
  RuleFile,
  Severity,
} from './types.js';

/** A message in both languages, its rule-only placeholders (the label) filled at compile time. */
interface LocalizedTemplate {
  zh: PartialTemplate;
  en: PartialTemplate;
  /** The message itself, shared frozen, when nothing is left to fill. */
  constant: LocalizedText | undefined;
  /** Whether `{detail}` is left to fill (worded from the evidence only then). */
  usesDetail: boolean;
}

const ZH = zhCN;
const EN = en;

/** An unknown finding's `missing` and message, shared frozen by the records that lack the same facts. */
interface UnknownWording {
  missing: readonly string[];
  message: LocalizedText;
}

/** Distinct missing-path lists kept per check; past it, findings are worded afresh. */
const UNKNOWN_CACHE_LIMIT = 256;

interface CompiledCheckClosure {
  ruleId: CheckId;
  kind: RecordKind;
  severity: Severity;
  citation: Citation;
  /** With `liabilityWhen`: its condition, and the citation without the liability article. */
  liability?: { when: CompiledCondition; citationWithout: Citation };
  applies: CompiledCondition;
  passes: CompiledCondition;
  conditionNotMet: LocalizedText;
  unknown: LocalizedTemplate;
  unknownWordings: Map<string, UnknownWording>;
  pass: LocalizedTemplate;
  /** Used when the check has no pass template and evidence has both quantities. */
  passQuantity: LocalizedTemplate;
  /** Used for a pass without a pass template whose deciding parts read several quantities. */
  passedParts: LocalizedTemplate;
  /** Its `passesWhen` reads several facts: its quantities are the finding's only if the deciding parts read one. */
  readsSeveralFacts: boolean;
  hasPassTemplate: boolean;
  fail: LocalizedTemplate;
  /** Whether a failure names the parts that failed (engine/compile.ts `namesFailedParts`). */
  namesFailedParts: boolean;
  /** Where its kind's facts sit (the facts object for a tree is rebuilt from the slots). */
  layout: FactLayout;
}

interface CompiledKindClosures {
  /** Where the kind's facts sit: read once per record for all its conditions. */
  layout: FactLayout;
  checks: CompiledCheckClosure[];
  nonBinding: CompiledCondition[];
  /** Every check's conditions decided in one call (compileDecisions), into `decisions`. */
  decide: DecideChecks;
  /** Where `decide` writes (read back at once for the record's findings; nothing is kept). */
  decisions: Uint8Array;
}

interface CompiledCity {
  file: RuleFile;
  binding: boolean;
  inForceFrom: string | null;
  notInForce: LocalizedTemplate;
  /** The not-in-force message per `asOf`, shared frozen. */
  notInForceByAsOf: Map<string, LocalizedText>;
  kinds: Map<RecordKind, CompiledKindClosures>;
}

/** What a finding takes from its record besides the facts. */
type RecordEnvelope = Pick<ShequRecord, 'id' | 'city' | 'kind' | 'asOf'>;

/** The record's `asOf` as the evaluator resolves it (its options, its own, today). */
export type AsOfResolver = (record: RecordEnvelope) => string;

const NO_CHECKS: CompiledKindClosures = { layout: new FactLayout([]), checks: [], nonBinding: [], decide: () => undefined, decisions: new Uint8Array(0) };

const layouts = new Map<RecordKind, FactLayout>();

/** The kind's record facts (the keys of its facts schema), one layout per kind. */
function recordFactsOf(kind: RecordKind): FactLayout {
  let layout = layouts.get(kind);
  if (layout === undefined) {
    // The slots validation fills (parseRecordToSlots) are these; a kind no schema has, none.
    layout = new FactLayout(Object.hasOwn(factsSchemas, kind) ? factSlotNames(kind) : []);
    layouts.set(kind, layout);
  }
  return layout;
}

/** The named parts of a check's `{ all: [appliesWhen, passesWhen] }`, as evaluate.ts finds them. */
function topLevel(check: CheckEntry): { applies: unknown; passes: unknown; appliesAt: number; passesAt: number } {
  const all = (check.conditions as { all?: { name?: string }[] }).all;
  if (!Array.isArray(all)) throw new RuleCompileError(check.id, 'conditions', "conditions must be { all: [appliesWhen, passesWhen] }");
  let appliesAt = all.findIndex((c) => c?.name === 'appliesWhen');
  let passesAt = all.findIndex((c) => c?.name === 'passesWhen');
  if (appliesAt < 0) appliesAt = 0;
  if (passesAt < 0) passesAt = 1;
  if (all[appliesAt] === undefined || all[passesAt] === undefined) {
    throw new RuleCompileError(check.id, 'conditions', 'conditions must be { all: [appliesWhen, passesWhen] }');
  }
  return { applies: all[appliesAt], passes: all[passesAt], appliesAt, passesAt };
}

/** `zh` and `en` (each one template or a prefix and its message) with `fixed` filled in once. */
function localizedTemplate(zh: readonly string[], en: readonly string[], fixed: Readonly<Record<string, string>>): LocalizedTemplate {
  const t = { zh: compileTemplateWith(zh, fixed), en: compileTemplateWith(en, fixed) };
  const constant = t.zh.constant !== undefined && t.en.constant !== undefined ? deepFreeze({ zh: t.zh.constant, en: t.en.constant }) : undefined;
  return { ...t, constant, usesDetail: t.zh.keys.includes('detail') || t.en.keys.includes('detail') };
}

/** A message with nothing per record in it, shared frozen (a placeholder left unfilled shows as itself). */
function settled(t: LocalizedTemplate): LocalizedText {
  return t.constant ?? deepFreeze({ zh: t.zh.render({}), en: t.en.render({}) });
}

function compileCheck(file: RuleFile, article: RuleFile['articles'][number], raw: CheckEntry, overrides: Readonly<Record<string, number>> | undefined, operators: OperatorLookup): CompiledCheckClosure {
  const check = resolveParameters(raw, overrides);
  const ctx: CompileContext = {
    ruleId: check.id,
    recordFacts: recordFactsOf(check.kind),
    operator: (name) => operators.get(name),
  };
  if (!Object.hasOwn(factsSchemas, check.kind)) throw new RuleCompileError(check.id, 'kind', `unknown record kind '${check.kind}'`);
  const { applies, passes, appliesAt, passesAt } = topLevel(check);
  const citation = citationFor(file, article, check);
  const label = { label: citation.label };
  const fail = check.message.fail;
  const pass = check.message.pass;
  return {
    // The bundled rules' ids are the generated CheckId union (a test keeps it in step).
    ruleId: check.id as CheckId,
    kind: check.kind,
    severity: check.severity,
    citation,
    ...(check.liabilityWhen !== undefined
      ? {
          liability: {
            when: compileCondition({ all: [check.liabilityWhen] }, ctx, 'liabilityWhen'),
            citationWithout: withoutLiability(citation),
          },
        }
      : {}),
    applies: compileCondition(applies, ctx, `conditions.all[${appliesAt}]`),
    passes: compileCondition(passes, ctx, `conditions.all[${passesAt}]`),
    conditionNotMet: settled(localizedTemplate([ZH.conditionNotMet], [EN.conditionNotMet], label)),
    unknown: localizedTemplate([ZH.unknown], [EN.unknown], label),
    unknownWordings: new Map(),
    pass: pass ? localizedTemplate([pass.zh], [pass.en], label) : localizedTemplate([ZH.pass], [EN.pass], label),
    passQuantity: localizedTemplate([ZH.passQuantity], [EN.passQuantity], label),
    passedParts: localizedTemplate([ZH.passedParts], [EN.passedParts], label),
    readsSeveralFacts: readsSeveralFacts(passes),
    hasPassTemplate: pass !== undefined,
    namesFailedParts: namesFailedParts(check),
    layout: ctx.recordFacts,
    fail: localizedTemplate([ZH.failPrefix, fail.zh], [EN.failPrefix, fail.en], label),
  };
}

function compileCity(
  file: RuleFile,
  overrides: Readonly<Record<string, Readonly<Record<string, number>>>>,
  operators: OperatorLookup,
): CompiledCity {
  const kinds = new Map<RecordKind, CompiledKindClosures>();
  const slot = (kind: RecordKind): CompiledKindClosures => {
    let entry = kinds.get(kind);
    if (!entry) {
      entry = { layout: recordFactsOf(kind), checks: [], nonBinding: [], decide: NO_CHECKS.decide, decisions: NO_CHECKS.decisions };
      kinds.set(kind, entry);
    }
    return entry;
  };
  for (const article of file.articles) {
    for (const raw of article.checks) slot(raw.kind).checks.push(compileCheck(file, article, raw, overrides[raw.id], operators));
  }
  for (const [index, exception] of (file.nonBinding ?? []).entries()) {
    const ctx: CompileContext = {
      ruleId: `${file.city}.nonBinding.${index}`,
      recordFacts: recordFactsOf(exception.kind),
      operator: (name) => operators.get(name),
    };
    slot(exception.kind).nonBinding.push(compileCondition({ all: [exception.when] }, ctx, `nonBinding[${index}].when`));
  }
  for (const entry of kinds.values()) {
    entry.decide = compileDecisions(entry.checks);
    entry.decisions = new Uint8Array(entry.checks.length);
  }
  return {
    file,
    binding: file.law.status !== 'draft',
    inForceFrom: file.law.inForceFrom,
    notInForce: localizedTemplate([ZH.notInForce], [EN.notInForce], { law: file.law.title }),
    notInForceByAsOf: new Map(),
    kinds,
  };
}

/**
 * The absent paths, each once, as evaluate.ts reports them: a path inside another listed one is
 * left out (`facts.workerPay` covers its members).
 */
function uniquePaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) if (!out.includes(path)) out.push(path);
  return out.filter((path) => !out.some((other) => path.startsWith(`${other}.`)));
}

/** The check's citation; with `liabilityWhen`, the liability only when its condition is known to hold. */
function citationOf(c: CompiledCheckClosure, facts: FactSlots): Citation {
  if (c.liability === undefined) return c.citation;
  return c.liability.when.evaluate(facts) === true ? c.citation : c.liability.citationWithout;
}

function wordUnknown(c: CompiledCheckClosure, paths: readonly string[]): UnknownWording {
  const missing = uniquePaths(paths);
  const labels = (lang: 'zh' | 'en') => missing.map((path) => labelFact(path, lang, c.kind)).join(lang === 'zh' ? ZH.listSeparator : EN.listSeparator);
  return deepFreeze({ missing, message: { zh: c.unknown.zh.render({ missing: labels('zh') }), en: c.unknown.en.render({ missing: labels('en') }) } });
}

/**
 * An unknown finding. `appliesUnknown`: what "applies when" lacks comes first, then what "passes
 * when" lacks when it is undecided too (see evaluate.ts).
 */
function unknownFinding(c: CompiledCheckClosure, record: RecordEnvelope, facts: FactSlots, binding: boolean, appliesUnknown: boolean, passesUnknown: boolean): Finding {
  const paths: string[] = [];
  if (appliesUnknown) c.applies.missing(facts, paths);
  if (passesUnknown) c.passes.missing(facts, paths);
  // The wording depends on the check and the missing paths only: most records lack the same few.
  const key = paths.length === 1 ? paths[0]! : paths.join('\u0000');
  let wording = c.unknownWordings.get(key);
  if (wording === undefined) {
    wording = wordUnknown(c, paths);
    if (c.unknownWordings.size < UNKNOWN_CACHE_LIMIT) c.unknownWordings.set(key, wording);
  }
  return {
    recordId: record.id,
    ruleId: c.ruleId,
    city: record.city,
    kind: record.kind,
    severity: c.severity,
    binding,
    citation: citationOf(c, facts),
    status: 'unknown',
    missing: wording.missing as string[],
    message: wording.message,
  };
}

const FAILED_PARTS = { zh: compileTemplate(ZH.failedParts), en: compileTemplate(EN.failedParts) };

/**
 * A failing multi-part check's message with the parts that failed named. Only failing multi-part
 * checks come here; the compiled condition gives the failed parts as trace.ts `failedParts` finds
 * them in the evaluated tree, without building the tree.
 */
function withFailedParts(message: LocalizedText, c: CompiledCheckClosure, record: RecordEnvelope, slots: FactSlots, known?: ConditionTrace[]): LocalizedText {
  const parts = known ?? c.passes.failedParts(slots);
  if (parts.length === 0) return message;
  return {
    zh: message.zh + FAILED_PARTS.zh({ parts: wordFailedParts(parts, 'zh', record.kind) }),
    en: message.en + FAILED_PARTS.en({ parts: wordFailedParts(parts, 'en', record.kind) }),
  };
}

function decidedFinding(c: CompiledCheckClosure, record: RecordEnvelope, facts: FactSlots, binding: boolean, truth: boolean): Finding {
  const evidence = c.passes.explain(facts, truth);
  let { expected, actual } = evidence;
  // A check over several facts: the deciding comparison's numbers are the check's only when the
  // parts that decided read one quantity (engine/trace.ts `readOneQuantity`); else none are given
  // and a pass names each part with its value. Only numeric evidence of such checks comes here.
  let parts: ConditionTrace[] | undefined;
  let partsPass = false;
  if (c.readsSeveralFacts && (expected !== undefined || actual !== undefined)) {
    // A failure's parts from the compiled condition (its failedParts); a pass's from the tree.
    parts = truth ? passedParts(c.passes.trace(facts), c.layout.toObject(facts)) : c.passes.failedParts(facts);
    if (!readOneQuantity(parts)) {
      expected = undefined;
      actual = undefined;
      partsPass = truth && !c.hasPassTemplate;
    }
  }
  const template = !truth ? c.fail : partsPass ? c.passedParts : c.hasPassTemplate || expected === undefined || actual === undefined ? c.pass : c.passQuantity;
  let message: LocalizedText | undefined = partsPass
    ? {
        zh: c.passedParts.zh.render({ parts: wordFailedParts(parts!, 'zh', record.kind) }),
        en: c.passedParts.en.render({ parts: wordFailedParts(parts!, 'en', record.kind) }),
      }
    : template.constant;
  if (message === undefined) {
    const formattedExpected = formatQuantity(expected);
    const formattedActual = formatQuantity(actual);
    const items = evidence.items;
    const detail = template.usesDetail && items !== undefined;
    message = {
      zh: template.zh.render({ expected: formattedExpected, actual: formattedActual, detail: detail ? wordDetail(items, 'zh', record.kind) : evidence.detail }),
      en: template.en.render({ expected: formattedExpected, actual: formattedActual, detail: detail ? wordDetail(items, 'en', record.kind) : evidence.detail }),
    };
  }
  // A shared constant message is frozen: naming the failed parts makes a fresh one.
  if (!truth && c.namesFailedParts) message = withFailedParts(message, c, record, facts, parts);
  const status = truth ? 'pass' : 'fail';
  // Same keys in the same order as the reference path's finding (the CLI prints them as given).
  const { id: recordId, city, kind } = record;
  const { ruleId, severity } = c;
  const citation = citationOf(c, facts);
  if (expected !== undefined && actual !== undefined) {
    return { recordId, ruleId, city, kind, severity, binding, citation, status, expected, actual, message };
  }
  if (expected !== undefined) return { recordId, ruleId, city, kind, severity, binding, citation, status, expected, message };
  if (actual !== undefined) return { recordId, ruleId, city, kind, severity, binding, citation, status, actual, message };
  return { recordId, ruleId, city, kind, severity, binding, citation, status, message };
}

/** A check's not-applicable finding: its condition is not met, or its law is not yet in force. */
function notApplicable(
  c: CompiledCheckClosure,
  record: RecordEnvelope,
  facts: FactSlots,
  binding: boolean,
  reason: 'condition-not-met' | 'not-in-force',
  message: LocalizedText,
): Finding {
  return { recordId: record.id, ruleId: c.ruleId, city: record.city, kind: record.kind, severity: c.severity, binding, citation: citationOf(c, facts), status: 'not-applicable', reason, message };
}

/** The finding for the check's `DECISION` (compileDecisions: its conditions' truths). */
function findingFor(c: CompiledCheckClosure, record: RecordEnvelope, facts: FactSlots, binding: boolean, decision: number): Finding {
  switch (decision) {
    case DECISION.notApplicable:
      return notApplicable(c, record, facts, binding, 'condition-not-met', c.conditionNotMet);
    case DECISION.pass:
      return decidedFinding(c, record, facts, binding, true);
    case DECISION.fail:
      return decidedFinding(c, record, facts, binding, false);
    // Unknown applicability: what "applies when" lacks, and what "passes when" lacks when undecided.
    case DECISION.unknownApplies:
      return unknownFinding(c, record, facts, binding, true, false);
    case DECISION.unknownBoth:
      return unknownFinding(c, record, facts, binding, true, true);
    default:
      return unknownFinding(c, record, facts, binding, false, true);
  }
}

/** The not-in-force message for `asOf`, worded once per date. */
function notInForceMessage(city: CompiledCity, asOf: string): LocalizedText {
  let message = city.notInForceByAsOf.get(asOf);
  if (message === undefined) {
    const values = { inForceFrom: city.inForceFrom ?? '', asOf };
    message = deepFreeze({ zh: city.notInForce.zh.render(values), en: city.notInForce.en.render(values) });
    if (city.notInForceByAsOf.size < 4096) city.notInForceByAsOf.set(asOf, message);
  }
  return message;
}

export interface CompiledEvaluatorCore {
  /** Findings for a validated record (`asOf` resolves its date when the law's commencement asks). */
  evaluateValid(record: ShequRecord, asOf: AsOfResolver): EvaluationResult;
  /** The same for a record validated into slots (parseRecordToSlots): no facts object read. */
  evaluateSlotted(record: SlottedRecord, asOf: AsOfResolver): EvaluationResult;
  /**
   * The same findings, each evaluated one more time to trace it (`explain: true`). Apart from the
   * trace, the findings are `evaluateValid`'s: the trace is kept off that path.
   */
  explainValid(record: ShequRecord, asOf: AsOfResolver): ExplainedEvaluationResult;
}

/** The trace of one check on a record: both conditions evaluated afresh into their trees. */
function traceCheck(c: CompiledCheckClosure, slots: FactSlots, facts: Record<string, unknown>): FindingTrace {
  return { appliesWhen: traceCondition(c.applies.trace(slots), facts), passesWhen: traceCondition(c.passes.trace(slots), facts) };
}

/** Compiles every city's checks (with caller overrides) once. */
export function compileEvaluator(
  files: readonly RuleFile[],
  parameters: Readonly<Record<string, Readonly<Record<string, number>>>>,
  operators: OperatorLookup,
): CompiledEvaluatorCore {
  const cities = new Map<CityKey, CompiledCity>();
  for (const file of files) cities.set(file.city, compileCity(file, parameters, operators));

  const core: CompiledEvaluatorCore = {
    explainValid(record, asOfOf) {
      const result = core.evaluateValid(record, asOfOf);
      if (!result.valid) return result;
      const { layout, checks } = cities.get(record.city)!.kinds.get(record.kind) ?? NO_CHECKS;
      const facts = record.facts as Record<string, unknown>;
      const slots = layout.read(facts);
      const findings = result.findings.map((finding, i): ExplainedFinding =>
        finding.status === 'not-applicable' && finding.reason === 'not-in-force' ? finding : { ...finding, trace: traceCheck(checks[i]!, slots, facts) },
      );
      return { ...result, findings };
    },
    evaluateValid(record, asOfOf) {
      const kind = cities.get(record.city)!.kinds.get(record.kind) ?? NO_CHECKS;
      return evaluateSlots(record, kind.layout.read(record.facts as Record<string, unknown>), asOfOf);
    },
    evaluateSlotted(record, asOfOf) {
      return evaluateSlots(record, record.facts, asOfOf);
    },
  };

  /** The findings of a record whose facts are in its kind's slots. */
  function evaluateSlots(record: RecordEnvelope, facts: FactSlots, asOfOf: AsOfResolver): EvaluationResult {
    const city = cities.get(record.city)!;
    const kind = city.kinds.get(record.kind) ?? NO_CHECKS;
    let binding = city.binding;
    if (binding) {
      for (const exception of kind.nonBinding) {
        if (exception.evaluate(facts) === true) {
          binding = false;
          break;
        }
      }
    }
    const checks = kind.checks;
    const findings: Finding[] = new Array(checks.length);
    // Only a law with a commencement date can be not yet in force; ISO dates compare as strings.
    const from = city.inForceFrom;
    const asOf = from === null ? undefined : asOfOf(record);
    if (from !== null && asOf !== undefined && asOf < from) {
      const message = notInForceMessage(city, asOf);
      for (let i = 0; i < checks.length; i += 1) {
        findings[i] = notApplicable(checks[i]!, record, facts, binding, 'not-in-force', message);
      }
    } else {
      const decisions = kind.decisions;
      kind.decide(facts, decisions);
      for (let i = 0; i < checks.length; i += 1) findings[i] = findingFor(checks[i]!, record, facts, binding, decisions[i]!);
    }
    return { recordId: record.id, city: record.city, kind: record.kind, valid: true, findings };
  }
  return core;
}
