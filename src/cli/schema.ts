import { recordJsonSchemaText } from '../schema/jsonSchema.js';
import { UsageError, type Command } from './io.js';

const HELP = 'Usage: shequ-rules schema   print the JSON Schema (draft 2020-12) of a record to stdout\n';

/** `shequ-rules schema`: prints the record JSON Schema, e.g. `shequ-rules schema > record.schema.json`. */
export const runSchema: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.length > 0) throw new UsageError(`takes no arguments, got '${args.join(' ')}' (see: shequ-rules schema --help)`);
  io.stdout.write(recordJsonSchemaText());
  return 0;
};
