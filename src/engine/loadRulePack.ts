/**
 * A rule pack: a rule file (the schema of rules/<city>.json) that a caller hands to
 * `createEvaluator({ rules })` — a revision of one of the five laws or a sixth city's law. It is
 * checked whole at load, so a mistake in it is an error naming the file and the JSON path, never
 * a record that later fails to evaluate.
 */
import type { z } from 'zod';
import { PLACEHOLDER } from '../locales/types.js';
import { ruleFileSchema } from '../ruleFileSchema.js';
import { factsSchemas } from '../schema/facts.js';
import type { CheckEntry, RuleFile } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { compileCondition, RuleCompileError, type CompileContext } from './compileConditions.js';
import { FactLayout } from './factLayout.js';
import { resolveParameters } from './parameters.js';
import { readsSeveralFacts } from './trace.js';
import type { OperatorLookup } from './operatorMap.js';

/**
 * A rule pack that cannot be loaded: which file (its `name`, else its city key, else its place in
 * `rules`), where in it (a JSON path such as `articles[9].checks[0].conditions.all[1].all[0].operator`)
 * and why.
 */
export class RulePackError extends Error {
  constructor(
    readonly file: string,
    readonly jsonPath: string,
    readonly reason: string,
  ) {
    super(`rule file ${file}: ${jsonPath === '' ? '(the file)' : jsonPath}: ${reason}`);
    this.name = 'RulePackError';
  }
}

/** A rule file with a label for error messages (e.g. the path it was read from). */
export interface NamedRulePack {
  name: string;
  file: unknown;
}

/**
 * What `rules` takes: a rule file as parsed JSON, or `{ name, file }` to have errors name it.
 * Typed `object` because a JSON import is whatever shape it has; it is checked at load.
 */
export type RulePack = NamedRulePack | object;

/** The placeholders every message template may use; a check's parameter names may be used too. */
const TEMPLATE_VALUES = new Set(['label', 'expected', 'actual', 'detail']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isNamed(value: unknown): value is NamedRulePack {
  return isObject(value) && typeof value['name'] === 'string' && 'file' in value && !('articles' in value);
}

/** `articles[9].checks[0].conditions` from zod's `['articles', 9, 'checks', 0, 'conditions']`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * The issue to report. Inside a union (a condition is one of four shapes) it is the branch that
 * knows most of the value's keys, so `{ fact, opertor, value }` is reported as the unknown key
 * `opertor` of a leaf, not as a missing `all`.
 */
function reportable(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const unknownKeys = (branch: readonly Issue[]) =>
      branch.reduce((n, i) => n + (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.length : 0), 0);
    const score = (branch: readonly Issue[]) => unknownKeys(branch) * 1000 + branch.length;
    const best = branches.reduce((a, b) => (score(b) < score(a) ? b : a), branches[0]!);
    const first = best.find((i) => i.code === 'unrecognized_keys') ?? best[0]!;
    const inner = reportable(first);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  if (issue.code === 'unrecognized_keys') return { path: [...issue.path, issue.keys[0]!], message: `unknown key '${String(issue.keys[0])}'` };
  return { path: [...issue.path], message: issue.message };
}

/** Every `{ "param": name }` in a condition tree, with its JSON path. */
function parameterUses(node: unknown, path: string, out: { name: string; path: string }[]): void {
  if (Array.isArray(node)) node.forEach((child, i) => parameterUses(child, `${path}[${i}]`, out));
  else if (isObject(node)) {
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'param' && typeof node['param'] === 'string') out.push({ name: node['param'], path });
    else for (const key of keys) parameterUses(node[key], `${path}.${key}`, out);
  }
}

function recordFactsOf(kind: string): FactLayout {
  const schema = (factsSchemas as unknown as Record<string, { shape?: Record<string, unknown> } | undefined>)[kind];
  return new FactLayout(Object.keys(schema?.shape ?? {}));
}

/**
 * Parses and checks one rule pack; returns it deeply frozen (a copy: the caller's object is not
 * touched, and later edits to it change nothing).
 *
 * Checked: the shape (ruleFileSchema); check ids unique and of the form `<city>.<article>.<paragraph>.<name>`
 * under the article they sit in; every `{ "param" }` declared and every declared parameter used;
 * message placeholders; cited paragraphs, items and liability articles present in the law's text;
 * every condition compiled (operators, facts, paths, derived-fact params, values).
 *
 * @throws {RulePackError} naming the file and the JSON path of the first mistake.
 */
export function loadRulePack(input: unknown, index: number, operators: OperatorLookup): RuleFile {
  const named = isNamed(input);
  const raw = named ? input.file : input;
  const givenCity = isObject(raw) && typeof raw['city'] === 'string' ? raw['city'] : undefined;
  const label = named ? input.name : givenCity !== undefined ? `'${givenCity}'` : `rules[${index}]`;
  const fail = (path: string, reason: string): never => {
    throw new RulePackError(label, path, reason);
  };

  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = reportable(parsed.error.issues[0]!);
    return fail(formatJsonPath(issue.path), issue.message);
  }
  // The shape is RuleFile's, with the city key open (a pack may bring a sixth city).
  const file = parsed.data as unknown as RuleFile;
  const city = file.city as string;

  const ids = new Map<string, string>();
  for (const [a, article] of file.articles.entries()) {
    for (const [c, check] of article.checks.entries()) {
      const at = `articles[${a}].checks[${c}]`;
      checkCitation(file, article, check, at, fail);
      checkPlacement(check, article.number, city, `${at}.id`, fail);
      const earlier = ids.get(check.id);
      if (earlier !== undefined) fail(`${at}.id`, `check id '${check.id}' is already used at ${earlier}`);
      ids.set(check.id, `${at}.id`);
      checkParameters(check, article, at, fail);
      compileCheck(check, at, operators, fail);
    }
  }
  for (const [n, exception] of (file.nonBinding ?? []).entries()) {
    if (!file.articles.some((article) => article.number === exception.article)) {
      fail(`nonBinding[${n}].article`, `article ${exception.article} is not in the law`);
    }
    const ctx: CompileContext = {
      ruleId: `${city}.nonBinding.${n}`,
      recordFacts: recordFactsOf(exception.kind),
      operator: (name) => operators.get(name),
    };
    try {
      compileCondition({ all: [exception.when] }, ctx, `nonBinding[${n}].when`);
    } catch (error) {
      if (error instanceof RuleCompileError) fail(error.jsonPath.replace(`nonBinding[${n}].when.all[0]`, `nonBinding[${n}].when`), error.reason);
      throw error;
    }
  }
  return deepFreeze(file);
}

type Fail = (path: string, reason: string) => never;

function checkPlacement(check: CheckEntry, article: number, city: string, at: string, fail: Fail): void {
  const [idCity, idArticle, idParagraph] = check.id.split('.');
  if (idCity !== city) fail(at, `check id '${check.id}' must begin with the file's city '${city}.'`);
  if (Number(idArticle) !== article) fail(at, `check id '${check.id}' sits under article ${article}: it must begin with '${city}.${article}.'`);
  if (check.cites.paragraph !== undefined && Number(idParagraph) !== check.cites.paragraph) {
    fail(at, `check id '${check.id}' cites paragraph ${check.cites.paragraph}: its third part must be ${check.cites.paragraph}`);
  }
}

function checkParameters(check: CheckEntry, article: RuleFile['articles'][number], at: string, fail: Fail): void {
  const declared = check.parameters ?? {};
  const uses: { name: string; path: string }[] = [];
  parameterUses(check.conditions, `${at}.conditions`, uses);
  for (const use of uses) {
    if (!Object.hasOwn(declared, use.name)) {
      const names = Object.keys(declared);
      fail(use.path, `parameter '${use.name}' is not declared in the check's parameters${names.length > 0 ? ` (it has: ${names.join(', ')})` : ''}`);
    }
  }
  const inMessages = new Set<string>();
  // Over several facts a finding may have no single expected/actual (engine/trace.ts readOneQuantity).
  const all = (check.conditions as { all?: { name?: string }[] }).all ?? [];
  const severalFacts = readsSeveralFacts(all.find((c) => c?.name === 'passesWhen') ?? all[1]);
  for (const [which, template] of [['fail', check.message.fail], ['pass', check.message.pass]] as const) {
    if (template === undefined) continue;
    for (const lang of ['zh', 'en'] as const) {
      for (const match of template[lang].matchAll(PLACEHOLDER)) {
        const name = match[1]!;
        if (Object.hasOwn(declared, name)) inMessages.add(name);
        else if (severalFacts && (name === 'expected' || name === 'actual')) {
          fail(
            `${at}.message.${which}.${lang}`,
            `{${name}} in a check whose passesWhen reads several facts: its findings give expected/actual only when one quantity decides, and name each part with its value (use a parameter's name for a threshold)`,
          );
        } else if (!TEMPLATE_VALUES.has(name)) {
          fail(`${at}.message.${which}.${lang}`, `unknown placeholder {${name}} (use {label}, {expected}, {actual}, {detail} or a parameter's name)`);
        }
      }
    }
  }
  for (const [name, parameter] of Object.entries(declared)) {
    if (parameter.quote !== undefined && !article.text.includes(parameter.quote)) {
      fail(`${at}.parameters.${name}.quote`, `'${parameter.quote}' is not in the text of ${article.label}`);
    }
  }
  for (const name of Object.keys(declared)) {
    if (!uses.some((use) => use.name === name) && !inMessages.has(name)) fail(`${at}.parameters.${name}`, `parameter '${name}' is declared but never used`);
  }
}

function checkCitation(file: RuleFile, article: RuleFile['articles'][number], check: CheckEntry, at: string, fail: Fail): void {
  const { paragraph, item } = check.cites;
  const para = paragraph !== undefined ? article.paragraphs.find((p) => p.number === paragraph) : undefined;
  if (paragraph !== undefined && para === undefined) fail(`${at}.cites.paragraph`, `${article.label} has no paragraph ${paragraph}`);
  if (item !== undefined) {
    if (para === undefined) fail(`${at}.cites.item`, 'an item is cited within a paragraph: give cites.paragraph too');
    else if (!para.items?.some((i) => i.number === item)) fail(`${at}.cites.item`, `${article.label} paragraph ${paragraph} has no item ${item}`);
  }
  if (check.liability !== undefined && !file.articles.some((a) => a.number === check.liability)) {
    fail(`${at}.liability`, `liability article ${check.liability} is not in the law`);
  }
}

function compileCheck(check: CheckEntry, at: string, operators: OperatorLookup, fail: Fail): void {
  const resolved = resolveParameters(check);
  const ctx: CompileContext = {
    ruleId: check.id,
    recordFacts: recordFactsOf(check.kind),
    operator: (name) => operators.get(name),
  };
  try {
    compileCondition(resolved.conditions.all[0], ctx, 'conditions.all[0]');
    compileCondition(resolved.conditions.all[1], ctx, 'conditions.all[1]');
    if (resolved.liabilityWhen !== undefined) compileCondition(resolved.liabilityWhen, ctx, 'liabilityWhen');
  } catch (error) {
    if (error instanceof RuleCompileError) fail(`${at}.${error.jsonPath}`, error.reason);
    throw error;
  }
}
