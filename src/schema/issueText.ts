/**
 * Gives each validation error a stable `code` and its text in Chinese and English. The English
 * text is the error's `message` (kept for compatibility); the Chinese one is rendered from the same
 * facts: the field's label, what the schema expects there, and the value that came.
 */
import * as z from 'zod';
import { labelFact, labelOf, labelValue } from '../locales/label.js';
import { CITY_LABELS, KIND_LABELS } from '../locales/labels.js';
import type { ValidationCode, ValidationIssue } from '../types.js';

const ENVELOPE_LABELS: Readonly<Record<string, string>> = {
  id: '记录编号',
  city: '城市',
  kind: '记录类型',
  asOf: '情况日期',
  facts: '事实',
};

/** The envelope's enumerations are labelled in their own tables, not under a fact path. */
const ENVELOPE_VALUE_LABELS: Readonly<Record<string, typeof CITY_LABELS>> = { city: CITY_LABELS, kind: KIND_LABELS };

/** One allowed value with its Chinese label: urban（城市社区）, or the value alone when it has none. */
function valueWithLabelZh(path: string, value: string): string {
  const table = Object.hasOwn(ENVELOPE_VALUE_LABELS, path) ? ENVELOPE_VALUE_LABELS[path] : undefined;
  const label = table !== undefined ? labelOf(table, value, 'zh') : labelValue(path, value, 'zh');
  return label === value ? value : `${value}（${label}）`;
}

/** The field as a person reads it: 户数, 应急预案, 党群服务站面积（第 2 项）. */
export function fieldLabelZh(path: string, kind?: string): string {
  if (path === '') return '记录';
  if (Object.hasOwn(ENVELOPE_LABELS, path)) return ENVELOPE_LABELS[path]!;
  if (!path.startsWith('facts.')) return path;
  const label = labelFact(path, 'zh', kind);
  const index = /\.(\d+)(?:\.|$)/.exec(path)?.[1];
  return index === undefined ? label : `${label}（第 ${Number(index) + 1} 项）`;
}

/** A value as the Chinese message shows it ("got …"). */
export function describeValueZh(value: unknown): string {
  if (value === undefined) return '空';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? '空数组' : `含 ${value.length} 项的数组`;
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 40))}…（共 ${value.length} 个字符）`;
  if (typeof value === 'object') return '对象';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n（BigInt）`;
  return typeof value;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
    current = current.unwrap();
  }
  return current;
}

/** The schema found by following `path` from `root` (undefined where the path leaves it). */
export function schemaAt(root: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (schema instanceof z.ZodObject && typeof segment === 'string') {
      const shape: Record<string, z.core.$ZodType> = schema.shape;
      schema = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    } else if (schema instanceof z.ZodArray && typeof segment === 'number') {
      schema = schema.element;
    } else {
      return undefined;
    }
    if (schema === undefined) return undefined;
    schema = unwrap(schema);
  }
  return schema;
}

/** What a schema accepts, in Chinese: 不小于 0 的整数, 以下之一：urban（城市社区）、rural（农村社区）. */
export function expectedZh(schema: z.core.$ZodType | undefined, path: string): string {
  if (schema instanceof z.ZodNumber) {
    const min = schema.minValue;
    const what = schema.isInt ? '整数' : '数';
    return min !== null && Number.isFinite(min) ? `不小于 ${min} 的${what}` : what;
  }
  if (schema instanceof z.ZodBoolean) return 'true 或 false';
  if (schema instanceof z.ZodEnum) {
    const options = schema.options.map(String);
    return `以下之一：${options.map((o) => valueWithLabelZh(path, o)).join('、')}`;
  }
  if (schema instanceof z.ZodISODate) return 'YYYY-MM-DD 格式的真实日期';
  if (schema instanceof z.ZodString) {
    const { minLength: min, maxLength: max } = schema;
    if (min !== null && max !== null) return `${min}–${max} 个字符的字符串`;
    if (min !== null) return `至少 ${min} 个字符的字符串`;
    return max !== null ? `至多 ${max} 个字符的字符串` : '字符串';
  }
  if (schema instanceof z.ZodArray) return '数组';
  if (schema instanceof z.ZodObject) return '对象';
  return '合规的值';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

export interface IssueFacts {
  path: readonly PropertyKey[];
  pathText: string;
  /** zod's issue code. */
  zodCode: string;
  message: string;
}

/** A zod issue as a `ValidationIssue` with code, zh and en. */
export function localizeIssue(issue: IssueFacts, root: z.core.$ZodType, input: unknown, kind: string | undefined): ValidationIssue {
  const schema = schemaAt(root, issue.path);
  const value = valueAt(input, issue.path);
  const field = fieldLabelZh(issue.pathText, kind);
  const expected = expectedZh(schema, issue.pathText);
  const make = (code: ValidationCode, zh: string): ValidationIssue => ({ path: issue.pathText, message: issue.message, code, zh, en: issue.message });
  switch (issue.zodCode) {
    case 'invalid_type':
      if (value === undefined) return make('required', `${field}：必须填写（应为${expected}）。`);
      return make('wrong-type', `${field}：应为${expected}，实际为 ${describeValueZh(value)}。`);
    case 'too_small':
    case 'too_big':
      return make('out-of-range', `${field}：应为${expected}，实际为 ${describeValueZh(value)}。`);
    case 'invalid_value': {
      // The English message's "did you mean" hint (oneOf), said in Chinese too.
      const near = /\(did you mean "([^"]+)"\?\)/.exec(issue.message)?.[1];
      const hint = near === undefined ? '' : `，是否想写 ${valueWithLabelZh(issue.pathText, near)}？`;
      return make('not-allowed', `${field}：应为${expected}，实际为 ${describeValueZh(value)}${hint === '' ? '。' : hint}`);
    }
    case 'invalid_format':
      return make(
        'invalid-date',
        `${field}：应为${expected}，实际为 ${describeValueZh(value)}${typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? '（日历上没有这一天）' : ''}。`,
      );
    case 'custom': {
      const duplicate = /^duplicate budget year (\d+) \(already given at index (\d+)\)/.exec(issue.message);
      if (duplicate) {
        return make('duplicate-year', `${field}：预算年度 ${duplicate[1]} 重复（已在第 ${Number(duplicate[2]) + 1} 项给出），每个年度只能出现一次。`);
      }
      return make('invalid', `${field}：${issue.message}`);
    }
    default:
      return make('invalid', `${field}：${issue.message}`);
  }
}

/** An unknown key, with its container and a likely intended key. */
export function unknownKeyIssue(
  pathText: string,
  message: string,
  container: readonly PropertyKey[],
  near: string | undefined,
  kind: string | undefined,
): ValidationIssue {
  const key = pathText.split('.').pop() ?? pathText;
  const where =
    container.length === 0 ? '记录中' : container.length === 1 && container[0] === 'facts' ? `${kind ? kindZh(kind) : ''}的事实中` : `${fieldLabelZh(container.map(String).join('.'), kind)}中`;
  const hint = near === undefined ? '' : `，是否想写 ${near}（${fieldLabelZh([...container.map(String), near].join('.'), kind)}）？`;
  return { path: pathText, message, code: 'unknown-key', zh: `未知字段 ${key}：${where}没有这一项${hint}。`.replace('？。', '？'), en: message };
}

function kindZh(kind: string): string {
  return KIND_LABELS[kind]?.zh ?? kind;
}

/** An error about the record as a whole (not an object, unreadable). */
export function recordIssue(code: ValidationCode, message: string, zh: string): ValidationIssue {
  return { path: '', message, code, zh, en: message };
}
