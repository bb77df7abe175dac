import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CITY_KEYS, RECORD_KINDS } from '../types.js';
import { recordArbitrary } from './arbitraries.js';
import { EXAMPLE_RECORDS } from './examples.js';
import { RECORD_SCHEMA_ID, recordJsonSchema, recordJsonSchemaText } from './jsonSchema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/record.schema.json', import.meta.url));

interface JsonSchemaNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  additionalProperties?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  title?: string;
  oneOf?: JsonSchemaNode[];
}

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The branches of the generated schema, one per kind, keyed by kind. */
function branches(): Map<string, JsonSchemaNode> {
  const oneOf = recordJsonSchema().oneOf;
  const nodes = Array.isArray(oneOf) ? oneOf.filter(isNode) : [];
  return new Map(nodes.map((node) => [String(node.properties?.kind?.const), node]));
}

function branch(kind: string): JsonSchemaNode {
  const node = branches().get(kind);
  if (!node) throw new Error(`no branch for ${kind}`);
  return node;
}

function factsOf(kind: string): JsonSchemaNode {
  const facts = branch(kind).properties?.facts;
  if (!facts) throw new Error(`no facts for ${kind}`);
  return facts;
}

/**
 * The structural part of JSON Schema validation this contract relies on: types, enums, consts,
 * required members, additionalProperties false, minimum, string length, date pattern. Enough to
 * tell the good examples from the bad without a validator package.
 */
function conforms(schema: JsonSchemaNode, value: unknown): boolean {
  if (schema.oneOf) return schema.oneOf.filter((option) => conforms(option, value)).length === 1;
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case 'object': {
      if (!isNode(value)) return false;
      const record: Record<string, unknown> = { ...value };
      const properties = schema.properties ?? {};
      if ((schema.required ?? []).some((key) => !(key in record))) return false;
      return Object.entries(record).every(([key, member]) => {
        const property = properties[key];
        if (!property) return schema.additionalProperties !== false;
        return conforms(property, member);
      });
    }
    case 'array':
      return Array.isArray(value) && (!schema.items || value.every((item) => conforms(schema.items ?? {}, item)));
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (schema.minLength ?? 0) &&
        value.length <= (schema.maxLength ?? Infinity) &&
        (!schema.pattern || new RegExp(schema.pattern).test(value))
      );
    case 'integer':
      return Number.isInteger(value) && (schema.minimum === undefined || Number(value) >= schema.minimum);
    case 'number':
      return typeof value === 'number' && (schema.minimum === undefined || value >= schema.minimum);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

describe('recordJsonSchema', () => {
  it('matches the committed schema/record.schema.json (run: npx tsx scripts/json-schema.ts)', () => {
    // Arrange
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // Act
    const generated = recordJsonSchemaText();
    // Assert
    expect(committed).toBe(generated);
  });

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    // Act
    const schema = recordJsonSchema();
    // Assert
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: RECORD_SCHEMA_ID,
      title: 'shequ-rules record',
      description: expect.stringContaining('budgets'),
    });
  });

  it('has one branch per kind, each with a title', () => {
    // Act
    const kinds = [...branches().keys()];
    // Assert
    expect(kinds).toEqual([...RECORD_KINDS]);
    for (const kind of RECORD_KINDS) expect(branch(kind).title).toBe(`${kind} record`);
  });

  it.each(RECORD_KINDS)('requires id, city and kind of a %s record, and lists the five cities', (kind) => {
    // Act
    const node = branch(kind);
    // Assert
    expect(node.required).toEqual(['id', 'city', 'kind']);
    expect(node.additionalProperties).toBe(false);
    expect(node.properties?.city?.enum).toEqual([...CITY_KEYS]);
    expect(node.properties?.id).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(node.properties?.asOf).toMatchObject({ type: 'string', format: 'date' });
  });

  it.each(RECORD_KINDS)('closes the %s facts to unknown keys and requires none of them', (kind) => {
    // Act
    const facts = factsOf(kind);
    // Assert
    expect(facts.additionalProperties).toBe(false);
    expect(facts.required).toBeUndefined();
    expect(facts.default).toEqual({});
  });

  it('shows the defaults on the input side, as optional', () => {
    // Act
    const setting = factsOf('community').properties?.setting;
    const type = factsOf('grid').properties?.type;
    // Assert
    expect(setting).toMatchObject({ default: 'urban', enum: ['urban', 'rural'] });
    expect(type).toMatchObject({ default: 'comprehensive', enum: ['comprehensive', 'dedicated'] });
  });

  it('requires the members of array elements and of workerPay, and closes nested objects', () => {
    // Act
    const community = factsOf('community').properties ?? {};
    const grid = factsOf('grid').properties ?? {};
    // Assert
    expect(community.partyServiceStations?.items?.required).toEqual(['areaSqm']);
    expect(community.budgets?.items?.required).toEqual(['year', 'amountYuan']);
    expect(grid.workerPay?.required).toEqual(['setOn', 'referenceWageYear']);
    expect(community.emergency?.required).toBeUndefined();
    expect(community.emergency?.additionalProperties).toBe(false);
  });

  it.each(RECORD_KINDS)('accepts the worked %s example', (kind) => {
    // Arrange
    const schema = recordJsonSchema();
    // Act
    const ok = conforms(schema, EXAMPLE_RECORDS[kind]);
    // Assert
    expect(ok).toBe(true);
  });

  it('accepts every record the valid-record arbitrary builds (zod and JSON Schema agree)', () => {
    const schema = recordJsonSchema();
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        expect(conforms(schema, record)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const bad: Array<[string, unknown]> = [
    ['a negative count', { id: 'a', city: 'dalian', kind: 'grid', facts: { households: -1 } }],
    ['a fractional count', { id: 'a', city: 'dalian', kind: 'grid', facts: { households: 1.5 } }],
    ['an unknown fact', { id: 'a', city: 'dalian', kind: 'grid', facts: { gridWorker: 1 } }],
    ['an unknown city', { id: 'a', city: 'beijing', kind: 'grid' }],
    ['an unknown kind', { id: 'a', city: 'dalian', kind: 'village' }],
    ['a missing id', { city: 'dalian', kind: 'grid' }],
    ['an empty id', { id: '', city: 'dalian', kind: 'grid' }],
    ['30 February', { id: 'a', city: 'dalian', kind: 'grid', asOf: '2024-02-30' }],
    ['a station without its area', { id: 'a', city: 'dalian', kind: 'community', facts: { partyServiceStations: [{}] } }],
  ];

  it.each(bad)('rejects a record with %s', (_name, record) => {
    // Act
    const ok = conforms(recordJsonSchema(), record);
    // Assert
    expect(ok).toBe(false);
  });
});
