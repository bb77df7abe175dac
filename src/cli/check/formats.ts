import { createCsvFormatter } from './formats/csv.js';
import { createHtmlFormatter } from './formats/html.js';
import { createJsonFormatter } from './formats/json.js';
import { createJunitFormatter } from './formats/junit.js';
import { createNdjsonFormatter } from './formats/ndjson.js';
import { createTableFormatter } from './formats/table.js';
import type { CreateFormatter } from './formatter.js';

export const FORMATS = ['table', 'ndjson', 'json', 'csv', 'junit', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export const FORMATTERS: Record<FormatName, CreateFormatter> = {
  table: createTableFormatter,
  ndjson: createNdjsonFormatter,
  json: createJsonFormatter,
  csv: createCsvFormatter,
  junit: createJunitFormatter,
  html: createHtmlFormatter,
};
