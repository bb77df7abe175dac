/**
 * The record's JSON Schema (draft 2020-12), generated from the zod schemas so the two cannot
 * disagree. Input side: defaulted facts (`setting`, `type`) and `facts` itself are optional.
 */
import * as z from 'zod';
import { recordSchema } from './record.js';

/** Where the published file lives in the package (`shequ-rules/schema/record.schema.json`). */
export const RECORD_SCHEMA_ID = 'https://unpkg.com/shequ-rules/schema/record.schema.json';

/** The JSON Schema of one record: `{ $schema, $id, title, description, oneOf: [one per kind] }`. */
export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(recordSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: RECORD_SCHEMA_ID,
    title: 'shequ-rules record',
    description:
      'One record submitted to shequ-rules: a community, grid, street office, residential project, task, ' +
      'inspection, certificate request or organisation registration, with the facts the checks read. ' +
      'Every fact is optional (absent = unknown). Not expressible here and still enforced by validateRecord: ' +
      '`budgets` years are unique.',
    ...rest,
  };
}

/** The schema as written to `schema/record.schema.json` and printed by `shequ-rules schema`. */
export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
