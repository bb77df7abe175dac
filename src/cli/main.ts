import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_USAGE, UsageError, type CliIO, type Command } from './io.js';

const HELP = `shequ-rules — Chinese community-governance law as checkable, cited rules

Usage:
  shequ-rules check [FILE ...|-] [options]   check JSON/NDJSON records (see: shequ-rules check --help)
  shequ-rules articles [--city C] [--search TEXT] [--format table|json]
  shequ-rules schema                         print the record JSON Schema
  shequ-rules --help | --version
`;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'articles':
      return (await import('./articles.js')).runArticles;
    case 'schema':
      return (await import('./schema.js')).runSchema;
    case 'check':
      return (await import('./check.js')).runCheck;
    default:
      return undefined;
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    const { VERSION } = await import('../version.js');
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`shequ-rules: unknown command '${name}'\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shequ-rules ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`shequ-rules: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
