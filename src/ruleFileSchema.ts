/**
 * The shape of `rules/<city>.json`, as a zod schema: the tests parse every bundled rule file with
 * it, and `createEvaluator({ rules })` parses every rule pack with it before checking what a shape
 * cannot say (operators, facts, parameters, cited paragraphs: src/engine/loadRulePack.ts).
 */
import * as z from 'zod';
import { RECORD_KINDS } from './types.js';

/**
 * A city key: the five bundled ones, or a rule pack's own (lower-case letters, as check ids
 * begin with it: `ningbo.12.1.grid-size`).
 */
export const cityKeySchema = z.string().regex(/^[a-z]+$/, 'a city key is lower-case letters a-z (check ids begin with it)');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const factPath = z.string().regex(/^\$(\.[A-Za-z]+)+$/, 'paths are $.member(.member)*');

type Condition =
  | { all: Condition[]; name?: string | undefined }
  | { any: Condition[]; name?: string | undefined }
  | { not: Condition; name?: string | undefined }
  | { fact: string; operator: string; value: unknown; path?: string | undefined; params?: Record<string, unknown> | undefined; name?: string | undefined };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(condition), name: z.string().optional() }),
    z.strictObject({ any: z.array(condition), name: z.string().optional() }),
    z.strictObject({ not: condition, name: z.string().optional() }),
    z.strictObject({
      fact: z.string().min(1),
      operator: z.string().min(1),
      value: z.unknown(),
      path: factPath.optional(),
      params: z.record(z.string(), z.unknown()).optional(),
      name: z.string().optional(),
    }),
  ]),
);

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const check = z
  .strictObject({
    id: z.string().regex(/^[a-z]+\.\d+\.\d+\.[a-z-]+$/),
    name: z.string(),
    kind: z.enum(RECORD_KINDS),
    severity: z.enum(['violation', 'warning']),
    severityReason: z.string().min(1),
    cites: z.strictObject({ paragraph: z.number().int().positive().optional(), item: z.number().int().positive().optional() }),
    liability: z.number().int().positive().optional(),
    liabilityWhen: condition.optional(),
    parameters: z
      .record(
        z.string(),
        z
          .strictObject({
            default: z.number(),
            min: z.number(),
            max: z.number(),
            reason: z.string().min(1).regex(/^[^\n]*$/),
            quote: z.string().min(1).optional(),
          })
          .refine((p) => p.min <= p.default && p.default <= p.max, 'min ≤ default ≤ max'),
      )
      .optional(),
    note: z.string().min(1).regex(/^[^\n]*$/, 'one line').optional(),
    concept: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'a kebab-case concept name').optional(),
    differsBecause: z
      .strictObject({
        quotes: z.array(z.string().min(1)).min(1),
        note: z.string().min(1).regex(/^[^\n]*$/, 'one line'),
      })
      .optional(),
    message: z.strictObject({ fail: localized, pass: localized.optional() }),
    conditions: z.strictObject({
      all: z.tuple([
        condition.refine((c) => c.name === 'appliesWhen', 'first condition is named appliesWhen'),
        condition.refine((c) => c.name === 'passesWhen', 'second condition is named passesWhen'),
      ]),
    }),
    event: z.strictObject({ type: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
  })
  .refine((c) => c.id === c.name, 'name equals id')
  .refine((c) => c.liabilityWhen === undefined || c.liability !== undefined, 'liabilityWhen needs liability')
  .refine((c) => c.differsBecause === undefined || c.concept !== undefined, 'differsBecause needs concept');

const text = z.string().min(1);
const item = z.strictObject({ number: z.number().int().positive(), label: text, text, sourceText: text.optional() });
const paragraph = z.strictObject({
  number: z.number().int().positive(),
  text,
  sourceText: text.optional(),
  items: z.array(item).optional(),
});

const article = z.strictObject({
  number: z.number().int().positive(),
  label: text,
  chapter: z.strictObject({ number: z.number().int().positive(), label: text, title: text }).nullable(),
  title: text.optional(),
  text,
  sourceText: text.optional(),
  paragraphs: z.array(paragraph).min(1),
  checks: z.array(check),
  noCheck: z
    .strictObject({
      reason: z.enum(['principle', 'government-duty', 'definition', 'encouragement', 'liability', 'procedure', 'commencement', 'no-record-fact']),
      note: text,
    })
    .optional(),
});

export const ruleFileSchema = z
  .strictObject({
    city: cityKeySchema,
    law: z.strictObject({
      city: cityKeySchema,
      title: text,
      status: z.enum(['draft', 'in-force']),
      adopted: date.nullable(),
      approved: date.nullable(),
      published: date.nullable(),
      inForceFrom: date.nullable(),
      enactingBody: text.nullable(),
      approvingBody: text.nullable(),
      source: z.strictObject({ file: text, page: text }),
      articleCount: z.number().int().positive(),
    }),
    preamble: text.optional(),
    closing: text.optional(),
    nonBinding: z
      .array(z.strictObject({ kind: z.enum(RECORD_KINDS), when: condition, article: z.number().int().positive(), reason: text }))
      .optional(),
    articles: z.array(article),
  })
  .refine((f) => f.law.city === f.city, { message: 'law.city equals city', path: ['law', 'city'] })
  .refine((f) => f.articles.every((a) => a.checks.length > 0 || a.noCheck), 'every article has checks or a noCheck reason')
  .refine((f) => f.articles.length === f.law.articleCount, 'articleCount matches the articles');
