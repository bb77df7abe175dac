import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { factsSchemas } from '../schema/facts.js';
import { CITY_KEYS, RECORD_KINDS } from '../types.js';
import { factLabelEntry, factKey, labelFact, labelValue, langFromEnv, valueLabelEntry } from './label.js';
import { CITY_LABELS, KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels.js';

interface SchemaLeaf {
  kind: string;
  path: string;
  values: string[];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
    current = current.unwrap();
  }
  return current;
}

/** Every fact path of every kind, with the enum values it can hold, read off the zod schemas. */
function factPaths(): SchemaLeaf[] {
  const out: SchemaLeaf[] = [];
  const walk = (kind: string, path: string, raw: z.core.$ZodType): void => {
    const schema = unwrap(raw);
    if (schema instanceof z.ZodObject) {
      if (path !== '') out.push({ kind, path, values: [] });
      for (const [key, member] of Object.entries(schema.shape as Record<string, z.core.$ZodType>)) {
        walk(kind, path === '' ? key : `${path}.${key}`, member);
      }
      return;
    }
    if (schema instanceof z.ZodArray) {
      const element = unwrap(schema.element);
      if (element instanceof z.ZodObject) walk(kind, path, element);
      else out.push({ kind, path, values: element instanceof z.ZodEnum ? element.options.map(String) : [] });
      return;
    }
    out.push({ kind, path, values: schema instanceof z.ZodEnum ? schema.options.map(String) : [] });
  };
  for (const [kind, schema] of Object.entries(factsSchemas)) walk(kind, '', schema as z.core.$ZodType);
  return out;
}

describe('labels', () => {
  const leaves = factPaths();

  it('has no label for a path named like a member of Object.prototype', () => {
    for (const path of ['toString', 'constructor', 'facts.__proto__', 'facts.hasOwnProperty']) {
      expect(factLabelEntry(path)).toBeUndefined();
      expect(factLabelEntry(path, 'community')).toBeUndefined();
      expect(labelFact(path, 'zh')).toBe(path);
    }
  });

  it('finds the facts of every kind in the schemas (the walk itself works)', () => {
    expect(new Set(leaves.map((leaf) => leaf.kind))).toEqual(new Set(Object.keys(factsSchemas)));
    expect(leaves.map((leaf) => leaf.path)).toContain('emergency.plan');
    expect(leaves.find((leaf) => leaf.path === 'facilityComponents')?.values).toContain('policeOffice');
  });

  it('gives every fact path of every kind a Chinese and an English label', () => {
    const gaps = leaves
      .filter((leaf) => factLabelEntry(leaf.path, leaf.kind) === undefined)
      .map((leaf) => `FACT_LABELS['${leaf.path}'] (kind ${leaf.kind}) in src/locales/labels.ts`);
    expect(gaps, `add these labels:\n${gaps.join('\n')}`).toEqual([]);
  });

  it('gives every enum value a Chinese and an English label, keyed by the fact that holds it', () => {
    const gaps = leaves.flatMap((leaf) =>
      leaf.values
        .filter((value) => valueLabelEntry(leaf.path, value) === undefined)
        .map((value) => `VALUE_LABELS['${factKey(leaf.path)}']['${value}'] (kind ${leaf.kind}) in src/locales/labels.ts`),
    );
    expect(gaps, `add these labels:\n${gaps.join('\n')}`).toEqual([]);
  });

  it('writes Chinese labels without ASCII letters and English ones with some', () => {
    const bad = leaves.flatMap((leaf) => [
      ...(/[A-Za-z]/.test(labelFact(leaf.path, 'zh', leaf.kind)) ? [`${leaf.path}: ${labelFact(leaf.path, 'zh', leaf.kind)}`] : []),
      ...leaf.values
        .filter((value) => /[A-Za-z]/.test(labelValue(leaf.path, value, 'zh')))
        .map((value) => `${leaf.path}=${value}`),
    ]);
    expect(bad).toEqual([]);
    expect(labelFact('facts.emergency.plan', 'en')).toMatch(/[a-z]/);
  });

  it('labels every city, kind, status and severity', () => {
    for (const city of CITY_KEYS) expect(CITY_LABELS[city]?.zh).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const kind of RECORD_KINDS) expect(KIND_LABELS[kind], kind).toBeDefined();
    for (const status of ['pass', 'fail', 'unknown', 'not-applicable']) expect(STATUS_LABELS[status], status).toBeDefined();
    for (const severity of ['violation', 'warning']) expect(SEVERITY_LABELS[severity], severity).toBeDefined();
  });

  it('reads a fact path with facts. and array indexes, and prefers a kind’s own label', () => {
    expect(labelFact('facts.emergency.plan', 'zh')).toBe('应急预案');
    expect(labelFact('facts.budgets.2.year', 'zh')).toBe('预算年度');
    expect(labelFact('facts.households', 'zh', 'grid')).toBe('网格户数');
    expect(labelFact('facts.households', 'zh', 'community')).toBe('户数');
    expect(labelValue('facts.facilityComponents', 'policeOffice', 'zh')).toBe('警务室');
    expect(labelValue('facts.facilityComponents', 'toString', 'zh')).toBe('toString');
  });

  it('gives the same label when asked again (looked up once per kind and path), and none from Object.prototype', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(labelFact('facts.households', 'en', 'grid')).toBe(labelFact('households', 'en', 'grid'));
      expect(labelFact('facts.households', 'zh', 'grid')).toBe('网格户数');
      expect(labelFact('facts.households', 'zh')).toBe('户数');
      expect(labelFact('facts.constructor', 'zh', 'grid')).toBe('facts.constructor');
      expect(labelFact('facts.toString', 'en')).toBe('facts.toString');
    }
  });

  it('takes the default language from the locale environment', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
