import { EXIT_USAGE, UsageError, type CliIO, type Command } from './io.js';
import { langBeforeParsing } from './usageText.js';

const HELP = `shequ-rules — Chinese community-governance law as checkable, cited rules

Usage:
  shequ-rules check [FILE ...|-] [options]   check JSON/NDJSON records (see: shequ-rules check --help)
  shequ-rules articles [--city C] [--article REF] [--search TEXT] [--full] [--summary]
                                             read the laws (see: shequ-rules articles --help)
  shequ-rules diff BEFORE AFTER [--check]    what changed between two checks (see: shequ-rules diff --help)
  shequ-rules schema                         print the record JSON Schema
  shequ-rules --help | --version             (--lang zh|en: language of help and reports)
`;

const HELP_ZH = `shequ-rules —— 把中国社区治理法规变成可检查、可引用的规则

用法：
  shequ-rules check [文件 ...|-] [选项]      检查 JSON/NDJSON 记录（见：shequ-rules check --help）
  shequ-rules articles [--city 城市] [--article 条号] [--search 文字] [--full] [--summary]
                                             阅读法规条文（见：shequ-rules articles --help）
  shequ-rules diff 之前 之后 [--check]       两次检查之间的变化（见：shequ-rules diff --help）
  shequ-rules schema                         输出记录的 JSON Schema
  shequ-rules --help | --version             （--lang zh|en：帮助和报告的语言）
`;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'articles':
      return (await import('./articles.js')).runArticles;
    case 'schema':
      return (await import('./schema.js')).runSchema;
    case 'check':
      return (await import('./check.js')).runCheck;
    case 'diff':
      return (await import('./diff.js')).runDiff;
    default:
      return undefined;
  }
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // A --lang it cannot use is not an error here: the help is shown in the locale's language.
    io.stdout.write(langBeforeParsing(rest, io) === 'zh' ? HELP_ZH : HELP);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    const { VERSION } = await import('../version.js');
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(langBeforeParsing(rest, io) === 'zh' ? `shequ-rules：未知命令 '${name}'\n\n${HELP_ZH}` : `shequ-rules: unknown command '${name}'\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`shequ-rules ${name}${error.lang === 'zh' ? '：' : ': '}${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** Runs the CLI on this process's arguments and streams (the bin, src/cli.ts, calls it). */
export function runCli(): void {
  const io: CliIO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
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
