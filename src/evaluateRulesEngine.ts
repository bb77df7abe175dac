/**
 * The json-rules-engine path of `createEvaluator({ engine: 'json-rules-engine' })`: the checks run
 * as json-rules-engine rules on an almanac of the record's facts, and the evaluated condition trees
 * are read with Kleene's tables. The reference the compiled path is tested against; loaded only when
 * an evaluator asks for it, so the compiled path never loads json-rules-engine.
 */
import { isBefore } from 'date-fns/isBefore';
import { parseISO } from 'date-fns/parseISO';
import { Almanac, type RuleResult } from 'json-rules-engine';
import { compileRuleFile, createEngine, type CompiledCheck, type CompiledKind } from './engine/compile.js';
import { refToPath, resolvePath } from './engine/factPath.js';
import { explain, judge, type EvaluatedCondition, type Judgement } from './engine/kleene.js';
import { DERIVED_FACT_INSTANCES } from './engine/rulesEngine.js';
import { failedParts, passedParts, readOneQuantity, readsSeveralFacts, traceCondition } from './engine/trace.js';
import { wordFailedParts } from './locales/failedParts.js';
import { en } from './locales/en.js';
import { wordDetail } from './locales/detail.js';
import { labelFact } from './locales/label.js';
import { formatQuantity, render, type StatusMessages } from './locales/types.js';
import { zhCN } from './locales/zh-CN.js';
import type { ShequRecord } from './schema/record.js';
import type {
  CheckId,
  CityKey,
  EvaluationResult,
  ExplainedFinding,
  Finding,
  FindingTrace,
  LocalizedText,
  RecordKind,
  RuleFile,
} from './types.js';

/**
 * json-rules-engine's `Rule#evaluate(almanac)` is public in its source but missing from its
 * typings. We call it per rule, on our own almanac, because `Engine#run` keeps a shared status
 * flag that makes concurrent runs on one engine skip rules.
 */
interface EvaluableRule {
  evaluate(almanac: Almanac): Promise<RuleResult>;
}

const localeOf = { zh: zhCN, en } as const satisfies Record<keyof LocalizedText, StatusMessages>;

function localized(build: (messages: StatusMessages, lang: keyof LocalizedText) => string): LocalizedText {
  return { zh: build(localeOf.zh, 'zh'), en: build(localeOf.en, 'en') };
}

function topLevel(result: RuleResult): { applies: EvaluatedCondition; passes: EvaluatedCondition } {
  const all = (result.conditions as EvaluatedCondition).all ?? [];
  const applies = all.find((c) => c.name === 'appliesWhen') ?? all[0];
  const passes = all.find((c) => c.name === 'passesWhen') ?? all[1];
  if (!applies || !passes) throw new Error(`rule ${result.name}: conditions must be { all: [appliesWhen, passesWhen] }`);
  return { applies, passes };
}

/** The absent paths, each once; a path inside another listed one is left out (`facts.workerPay` covers its members). */
function uniquePaths(judgement: Judgement): string[] {
  const paths = [...new Set(judgement.missing.map(refToPath))];
  return paths.filter((path) => !paths.some((other) => path.startsWith(`${other}.`)));
}

interface FindingContext {
  record: ShequRecord;
  file: RuleFile;
  binding: boolean;
  /** Checks with `liabilityWhen` whose condition does not hold (false or unknown) for this record. */
  withoutLiability: ReadonlySet<CompiledCheck>;
}

function baseFinding(compiled: CompiledCheck, ctx: FindingContext) {
  return {
    recordId: ctx.record.id,
    // The bundled rules' ids are the generated CheckId union (a test keeps it in step).
    ruleId: compiled.check.id as CheckId,
    city: ctx.record.city,
    kind: ctx.record.kind,
    severity: compiled.check.severity,
    binding: ctx.binding,
    citation: ctx.withoutLiability.has(compiled) ? compiled.liability!.citationWithout : compiled.citation,
  };
}

/**
 * "Applies when" is unknown, so the finding is unknown whatever "passes when" says. What is missing
 * is what the caller must supply to get an answer in one more round: the absent facts of "applies
 * when", and those of "passes when" too when it is undecided (once the check turns out to apply,
 * they decide it).
 */
function unknownApplicability(applies: Judgement, passes: Judgement): Judgement {
  return {
    truth: undefined,
    missing: passes.truth === undefined ? [...applies.missing, ...passes.missing] : applies.missing,
    leaves: applies.leaves,
  };
}

function findingFrom(compiled: CompiledCheck, result: RuleResult, ctx: FindingContext): Finding {
  const facts = ctx.record.facts as Record<string, unknown>;
  const { applies, passes } = topLevel(result);
  const label = compiled.citation.label;
  const base = baseFinding(compiled, ctx);
  const applicability = judge(applies, facts);
  if (applicability.truth === false) {
    return {
      ...base,
      status: 'not-applicable',
      reason: 'condition-not-met',
      message: localized((m) => render(m.conditionNotMet, { label })),
    };
  }
  const outcome = applicability.truth === undefined ? unknownApplicability(applicability, judge(passes, facts)) : judge(passes, facts);
  if (outcome.truth === undefined) {
    const missing = uniquePaths(outcome);
    const kind = ctx.record.kind;
    return {
      ...base,
      status: 'unknown',
      missing,
      message: localized((m, lang) =>
        render(m.unknown, { label, missing: missing.map((path) => labelFact(path, lang, kind)).join(m.listSeparator) }),
      ),
    };
  }
  const evidence = explain(outcome, facts);
  const failed = outcome.truth === false && compiled.namesFailedParts ? failedParts(passes, facts) : [];
  // Over several facts, the deciding comparison's numbers are the check's only when the parts that
  // decided read one quantity (engine/trace.ts `readOneQuantity`); else a pass names each part.
  let { expected, actual } = evidence;
  let decidingParts: ReturnType<typeof passedParts> = [];
  if ((expected !== undefined || actual !== undefined) && readsSeveralFacts(passes)) {
    const parts = outcome.truth ? passedParts(passes, facts) : failedParts(passes, facts);
    if (!readOneQuantity(parts)) {
      expected = undefined;
      actual = undefined;
      decidingParts = parts;
    }
  }
  const quantities = {
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
  };
  const valuesIn = (lang: keyof LocalizedText) => ({
    label,
    expected: formatQuantity(expected),
    actual: formatQuantity(actual),
    detail: evidence.items !== undefined ? wordDetail(evidence.items, lang, ctx.record.kind) : evidence.detail,
  });
  if (outcome.truth) {
    const template = compiled.check.message.pass;
    return {
      ...base,
      status: 'pass',
      ...quantities,
      message: localized((m, lang) =>
        template
          ? render(template[lang], valuesIn(lang))
          : decidingParts.length > 0
            ? render(m.passedParts, { label, parts: wordFailedParts(decidingParts, lang, ctx.record.kind) })
            : render(expected !== undefined && actual !== undefined ? m.passQuantity : m.pass, valuesIn(lang)),
      ),
    };
  }
  const template = compiled.check.message.fail;
  return {
    ...base,
    status: 'fail',
    ...quantities,
    message: localized(
      (m, lang) =>
        render(m.failPrefix, valuesIn(lang)) +
        render(template[lang], valuesIn(lang)) +
        (failed.length > 0 ? render(m.failedParts, { parts: wordFailedParts(failed, lang, ctx.record.kind) }) : ''),
    ),
  };
}

/** The trace of a rule result: both named conditions as json-rules-engine evaluated them. */
function traceOf(result: RuleResult, facts: Record<string, unknown>): FindingTrace {
  const { applies, passes } = topLevel(result);
  return { appliesWhen: traceCondition(applies, facts), passesWhen: traceCondition(passes, facts) };
}

function notInForce(compiled: CompiledCheck, ctx: FindingContext, asOf: string): Finding {
  const { title, inForceFrom } = ctx.file.law;
  return {
    ...baseFinding(compiled, ctx),
    status: 'not-applicable',
    reason: 'not-in-force',
    message: localized((m) => render(m.notInForce, { law: title, inForceFrom: inForceFrom ?? '', asOf })),
  };
}

/** Whether the law is in force on `asOf`; drafts have no date and are always evaluated. */
function inForceOn(file: RuleFile, asOf: string): boolean {
  const from = file.law.inForceFrom;
  return from === null || !isBefore(parseISO(asOf), parseISO(from));
}

/**
 * Evaluates valid records with json-rules-engine: the rule files compiled into one engine's rules
 * (parameters applied), `asOfOf` giving each record's date, `traced` adding each finding's trace.
 */
export function createRulesEngineEvaluation(
  files: readonly RuleFile[],
  parameters: Readonly<Record<string, Readonly<Record<string, number>>>>,
  asOfOf: (record: ShequRecord) => string,
  traced: boolean,
): (record: ShequRecord) => Promise<EvaluationResult> {
  const engine = createEngine();
  const compiled = new Map<CityKey, Map<RecordKind, CompiledKind>>();
  for (const file of files) compiled.set(file.city, compileRuleFile(file, parameters, engine));
  const fileOf = new Map(files.map((f) => [f.city, f]));

  async function evaluateValid(record: ShequRecord): Promise<EvaluationResult> {
    const file = fileOf.get(record.city)!;
    const kind = compiled.get(record.city)?.get(record.kind) ?? { checks: [], nonBinding: [] };
    const asOf = asOfOf(record);
    const header = { recordId: record.id, city: record.city, kind: record.kind, valid: true as const };
    const facts = record.facts as Record<string, unknown>;
    const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver: resolvePath });
    for (const fact of DERIVED_FACT_INSTANCES) almanac.addFact(fact);
    for (const [name, value] of Object.entries(facts)) if (value !== undefined) almanac.addFact(name, value);

    let binding = file.law.status !== 'draft';
    if (binding && kind.nonBinding.length > 0) {
      const results = await Promise.all(kind.nonBinding.map((n) => (n.rule as unknown as EvaluableRule).evaluate(almanac)));
      binding = !results.some((r) => judge(r.conditions as EvaluatedCondition, facts).truth === true);
    }
    // `liabilityWhen`: the liability article is cited only when its condition is known to hold.
    const conditional = kind.checks.filter((c) => c.liability !== undefined);
    const liabilityResults = await Promise.all(conditional.map((c) => (c.liability!.rule as unknown as EvaluableRule).evaluate(almanac)));
    const withoutLiability = new Set(
      conditional.filter((_, i) => judge(liabilityResults[i]!.conditions as EvaluatedCondition, facts).truth !== true),
    );
    const ctx: FindingContext = { record, file, binding, withoutLiability };
    if (!inForceOn(file, asOf)) return { ...header, findings: kind.checks.map((c) => notInForce(c, ctx, asOf)) };
    const results = await Promise.all(kind.checks.map((c) => (c.rule as unknown as EvaluableRule).evaluate(almanac)));
    const findings = kind.checks.map((c, i) => findingFrom(c, results[i]!, ctx));
    if (!traced) return { ...header, findings };
    return { ...header, findings: findings.map((finding, i): ExplainedFinding => ({ ...finding, trace: traceOf(results[i]!, facts) })) };
  }

  return evaluateValid;
}
