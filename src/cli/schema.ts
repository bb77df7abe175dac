import { recordJsonSchemaText } from '../schema/jsonSchema.js';
import { UsageError, type Command } from './io.js';
import { langBeforeParsing } from './usageText.js';

const HELP = 'Usage: shequ-rules schema   print the JSON Schema (draft 2020-12) of a record to stdout\n';

/** `shequ-rules schema`: prints the record JSON Schema, e.g. `shequ-rules schema > record.schema.json`. */
export const runSchema: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.length > 0) {
    const given = args.join(' ');
    if (langBeforeParsing(args, io) === 'zh') throw new UsageError(`不接受参数（收到 '${given}'）（见：shequ-rules schema --help）`, { lang: 'zh' });
    throw new UsageError(`takes no arguments, got '${given}' (see: shequ-rules schema --help)`);
  }
  io.stdout.write(recordJsonSchemaText());
  return 0;
};
