/**
 * The compiled evaluator: every city's checks compiled once into synchronous closures
 * (src/engine/compileConditions.ts), and everything a finding takes from its rule alone (citation,
 * severity, the not-applicable message, the message templates) built once and shared frozen. Per
 * record only the values change. Gives the same results as the json-rules-engine path in
 * evaluate.ts, field for field and key for key (tests/differential.test.ts).
 */
import type { Engine } from 'json-rules-engine';
import { compileCondition, RuleCompileError, type CompiledCondition, type CompileContext } from './engine/compileConditions.js';
import { citationFor, withoutLiability } from './engine/compile.js';
import { deepFreeze } from './util/deepFreeze.js';
import { refToPath } from './engine/factPath.js';
import { explain, judge, type Judgement } from './engine/kleene.js';
import { resolveParameters } from './engine/parameters.js';
import { traceCondition } from './engine/trace.js';
import { engineOperator } from './engine/rulesEngine.js';
import { wordDetail } from './locales/detail.js';
import { en } from './locales/en.js';
import { labelFact, type Lang } from './locales/label.js';
import { compileTemplate, formatQuantity, type TemplateValues } from './locales/types.js';
import { zhCN } from './locales/zh-CN.js';
import { factsSchemas } from './schema/facts.js';
import type { ShequRecord } from './schema/record.js';
import type {
  CheckEntry,
  CheckId,
  Citation,
  CityKey,
  EvaluationResult,
  ExplainedEvaluationResult,
  ExplainedFinding,
  Finding,
  FindingTrace,
  LocalizedText,
  RecordKind,
  RuleFile,
  Severity,
} from './types.js';

type Render = (values: TemplateValues) => string;
/** A message in both languages, rendered from the same values. */
interface LocalizedTemplate {
  zh: Render;
  en: Render;
}

const render2 = (t: LocalizedTemplate, values: TemplateValues): LocalizedText => ({ zh: t.zh(values), en: t.en(values) });

const ZH = zhCN;
const EN = en;

interface CompiledCheckClosure {
  ruleId: CheckId;
  severity: Severity;
  citation: Citation;
  /** With `liabilityWhen`: its condition, and the citation without the liability article. */
  liability?: { when: CompiledCondition; citationWithout: Citation };
  label: string;
  applies: CompiledCondition;
  passes: CompiledCondition;
  /** Reused for `explain` on the decided passes tree (its truth set before each call). */
  passJudgement: Judgement;
  conditionNotMet: LocalizedText;
  unknown: LocalizedTemplate;
  pass: LocalizedTemplate;
  /** Used when the check has no pass template and evidence has both quantities. */
  passQuantity: LocalizedTemplate;
  hasPassTemplate: boolean;
  fail: LocalizedTemplate;
}

interface CompiledKindClosures {
  checks: CompiledCheckClosure[];
  nonBinding: CompiledCondition[];
}

interface CompiledCity {
  file: RuleFile;
  binding: boolean;
  inForceFrom: string | null;
  notInForce: LocalizedTemplate;
  kinds: Map<RecordKind, CompiledKindClosures>;
}

const NO_CHECKS: CompiledKindClosures = { checks: [], nonBinding: [] };
const EMPTY: never[] = [];

function recordFactsOf(kind: RecordKind): ReadonlySet<string> {
  const schema = (factsSchemas as unknown as Record<string, { shape?: Record<string, unknown> } | undefined>)[kind];
  if (!schema?.shape) return new Set();
  return new Set(Object.keys(schema.shape));
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

function localizedTemplate(zh: string, en: string): LocalizedTemplate {
  return { zh: compileTemplate(zh), en: compileTemplate(en) };
}

function compileCheck(file: RuleFile, article: RuleFile['articles'][number], raw: CheckEntry, overrides: Readonly<Record<string, number>> | undefined, engine: Engine): CompiledCheckClosure {
  const check = resolveParameters(raw, overrides);
  const ctx: CompileContext = {
    ruleId: check.id,
    recordFacts: recordFactsOf(check.kind),
    operator: (name) => engineOperator(engine, name),
  };
  if (!Object.hasOwn(factsSchemas, check.kind)) throw new RuleCompileError(check.id, 'kind', `unknown record kind '${check.kind}'`);
  const { applies, passes, appliesAt, passesAt } = topLevel(check);
  const citation = citationFor(file, article, check);
  const label = citation.label;
  const compiledPasses = compileCondition(passes, ctx, `conditions.all[${passesAt}]`);
  const fail = check.message.fail;
  const pass = check.message.pass;
  // Label and other rule-only values are substituted per record by the same templates; they are
  // cheap closures over pre-split text.
  return {
    // The bundled rules' ids are the generated CheckId union (a test keeps it in step).
    ruleId: check.id as CheckId,
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
    label,
    applies: compileCondition(applies, ctx, `conditions.all[${appliesAt}]`),
    passes: compiledPasses,
    passJudgement: { truth: undefined, missing: EMPTY, leaves: compiledPasses.leaves },
    conditionNotMet: deepFreeze({
      zh: compileTemplate(ZH.conditionNotMet)({ label }),
      en: compileTemplate(EN.conditionNotMet)({ label }),
    }),
    unknown: localizedTemplate(ZH.unknown, EN.unknown),
    pass: pass ? localizedTemplate(pass.zh, pass.en) : localizedTemplate(ZH.pass, EN.pass),
    passQuantity: localizedTemplate(ZH.passQuantity, EN.passQuantity),
    hasPassTemplate: pass !== undefined,
    fail: {
      zh: ((prefix, body) => (values: TemplateValues) => prefix(values) + body(values))(compileTemplate(ZH.failPrefix), compileTemplate(fail.zh)),
      en: ((prefix, body) => (values: TemplateValues) => prefix(values) + body(values))(compileTemplate(EN.failPrefix), compileTemplate(fail.en)),
    },
  };
}

function compileCity(
  file: RuleFile,
  overrides: Readonly<Record<string, Readonly<Record<string, number>>>>,
  engine: Engine,
): CompiledCity {
  const kinds = new Map<RecordKind, CompiledKindClosures>();
  const slot = (kind: RecordKind): CompiledKindClosures => {
    let entry = kinds.get(kind);
    if (!entry) {
      entry = { checks: [], nonBinding: [] };
      kinds.set(kind, entry);
    }
    return entry;
  };
  for (const article of file.articles) {
    for (const raw of article.checks) slot(raw.kind).checks.push(compileCheck(file, article, raw, overrides[raw.id], engine));
  }
  for (const [index, exception] of (file.nonBinding ?? []).entries()) {
    const ctx: CompileContext = {
      ruleId: `${file.city}.nonBinding.${index}`,
      recordFacts: recordFactsOf(exception.kind),
      operator: (name) => engineOperator(engine, name),
    };
    slot(exception.kind).nonBinding.push(compileCondition({ all: [exception.when] }, ctx, `nonBinding[${index}].when`));
  }
  return {
    file,
    binding: file.law.status !== 'draft',
    inForceFrom: file.law.inForceFrom,
    notInForce: localizedTemplate(ZH.notInForce, EN.notInForce),
    kinds,
  };
}

/**
 * The absent paths of the judgements, each once, as evaluate.ts reports them: a path inside another
 * listed one is left out (`facts.workerPay` covers its members).
 */
function uniquePaths(judgements: readonly Judgement[]): string[] {
  const out: string[] = [];
  for (const judgement of judgements) {
    for (const ref of judgement.missing) {
      const path = refToPath(ref);
      if (!out.includes(path)) out.push(path);
    }
  }
  return out.filter((path) => !out.some((other) => path.startsWith(`${other}.`)));
}

/** The check's citation; with `liabilityWhen`, the liability only when its condition is known to hold. */
function citationOf(c: CompiledCheckClosure, record: ShequRecord): Citation {
  if (c.liability === undefined) return c.citation;
  return c.liability.when.evaluate(record.facts as Record<string, unknown>) === true ? c.citation : c.liability.citationWithout;
}

/** `conditions`: the undecided ones whose absent facts the finding lists (see evaluate.ts). */
function unknownFinding(c: CompiledCheckClosure, record: ShequRecord, binding: boolean, conditions: readonly CompiledCondition[]): Finding {
  const facts = record.facts as Record<string, unknown>;
  const missing = uniquePaths(conditions.map((condition) => judge(condition.tree, facts)));
  const label = c.label;
  return {
    recordId: record.id,
    ruleId: c.ruleId,
    city: record.city,
    kind: record.kind,
    severity: c.severity,
    binding,
    citation: citationOf(c, record),
    status: 'unknown',
    missing,
    message: {
      zh: c.unknown.zh({ label, missing: missing.map((path) => labelFact(path, 'zh', record.kind)).join(ZH.listSeparator) }),
      en: c.unknown.en({ label, missing: missing.map((path) => labelFact(path, 'en', record.kind)).join(EN.listSeparator) }),
    },
  };
}

function decidedFinding(c: CompiledCheckClosure, record: ShequRecord, binding: boolean, truth: boolean): Finding {
  const facts = record.facts as Record<string, unknown>;
  c.passJudgement.truth = truth;
  const evidence = explain(c.passJudgement, facts);
  const { expected, actual } = evidence;
  const valuesIn = (lang: Lang): TemplateValues => ({
    label: c.label,
    expected: formatQuantity(expected),
    actual: formatQuantity(actual),
    detail: evidence.items !== undefined ? wordDetail(evidence.items, lang, record.kind) : evidence.detail,
  });
  const template = !truth ? c.fail : c.hasPassTemplate || expected === undefined || actual === undefined ? c.pass : c.passQuantity;
  const message: LocalizedText = { zh: template.zh(valuesIn('zh')), en: template.en(valuesIn('en')) };
  const status = truth ? 'pass' : 'fail';
  // Same keys in the same order as the reference path's finding (the CLI prints them as given).
  const { id: recordId, city, kind } = record;
  const { ruleId, severity } = c;
  const citation = citationOf(c, record);
  if (expected !== undefined && actual !== undefined) {
    return { recordId, ruleId, city, kind, severity, binding, citation, status, expected, actual, message };
  }
  if (expected !== undefined) return { recordId, ruleId, city, kind, severity, binding, citation, status, expected, message };
  if (actual !== undefined) return { recordId, ruleId, city, kind, severity, binding, citation, status, actual, message };
  return { recordId, ruleId, city, kind, severity, binding, citation, status, message };
}

function findingFor(c: CompiledCheckClosure, record: ShequRecord, binding: boolean): Finding {
  const facts = record.facts as Record<string, unknown>;
  const applies = c.applies.evaluate(facts);
  if (applies === false) {
    return {
      recordId: record.id,
      ruleId: c.ruleId,
      city: record.city,
      kind: record.kind,
      severity: c.severity,
      binding,
      citation: citationOf(c, record),
      status: 'not-applicable',
      reason: 'condition-not-met',
      message: c.conditionNotMet,
    };
  }
  const passes = c.passes.evaluate(facts);
  // Unknown applicability: what "applies when" lacks, and what "passes when" lacks when undecided.
  if (applies === undefined) return unknownFinding(c, record, binding, passes === undefined ? [c.applies, c.passes] : [c.applies]);
  if (passes === undefined) return unknownFinding(c, record, binding, [c.passes]);
  return decidedFinding(c, record, binding, passes);
}

export interface CompiledEvaluatorCore {
  /** Findings for a validated record, its `asOf` resolved. */
  evaluateValid(record: ShequRecord, asOf: () => string): EvaluationResult;
  /**
   * The same findings, each evaluated one more time to trace it (`explain: true`). Apart from the
   * trace, the findings are `evaluateValid`'s: the trace is kept off that path.
   */
  explainValid(record: ShequRecord, asOf: () => string): ExplainedEvaluationResult;
}

/** The trace of one check on a record: both conditions evaluated afresh (the trees are reused per record). */
function traceCheck(c: CompiledCheckClosure, facts: Record<string, unknown>): FindingTrace {
  c.applies.evaluate(facts);
  const appliesWhen = traceCondition(c.applies.tree, facts);
  c.passes.evaluate(facts);
  return { appliesWhen, passesWhen: traceCondition(c.passes.tree, facts) };
}

/** Compiles every city's checks (with caller overrides) once. */
export function compileEvaluator(
  files: readonly RuleFile[],
  parameters: Readonly<Record<string, Readonly<Record<string, number>>>>,
  engine: Engine,
): CompiledEvaluatorCore {
  const cities = new Map<CityKey, CompiledCity>();
  for (const file of files) cities.set(file.city, compileCity(file, parameters, engine));

  const core: CompiledEvaluatorCore = {
    explainValid(record, asOfOf) {
      const result = core.evaluateValid(record, asOfOf);
      if (!result.valid) return result;
      const checks = cities.get(record.city)!.kinds.get(record.kind)?.checks ?? EMPTY;
      const facts = record.facts as Record<string, unknown>;
      const findings = result.findings.map((finding, i): ExplainedFinding =>
        finding.status === 'not-applicable' && finding.reason === 'not-in-force' ? finding : { ...finding, trace: traceCheck(checks[i]!, facts) },
      );
      return { ...result, findings };
    },
    evaluateValid(record, asOfOf) {
      const city = cities.get(record.city)!;
      const kind = city.kinds.get(record.kind) ?? NO_CHECKS;
      const facts = record.facts as Record<string, unknown>;
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
      const asOf = from === null ? undefined : asOfOf();
      if (from !== null && asOf !== undefined && asOf < from) {
        const message = deepFreeze(render2(city.notInForce, { law: city.file.law.title, inForceFrom: from, asOf }));
        for (let i = 0; i < checks.length; i += 1) {
          const c = checks[i]!;
          findings[i] = {
            recordId: record.id,
            ruleId: c.ruleId,
            city: record.city,
            kind: record.kind,
            severity: c.severity,
            binding,
            citation: citationOf(c, record),
            status: 'not-applicable',
            reason: 'not-in-force',
            message,
          };
        }
      } else {
        for (let i = 0; i < checks.length; i += 1) findings[i] = findingFor(checks[i]!, record, binding);
      }
      return { recordId: record.id, city: record.city, kind: record.kind, valid: true, findings };
    },
  };
  return core;
}
