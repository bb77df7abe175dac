import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { CITY_KEYS, type Finding } from '../../../types.js';
import type { CreateFormatter } from '../formatter.js';
import { isFileError, isSkipped, type CheckResult } from '../result.js';
import { Sink, waitForDrain } from '../sink.js';

/**
 * JUnit XML for CI dashboards: one <testsuite> per city, one <testcase> per record × check
 * (name = check id, classname = record id, with file and line attributes). A `fail` finding is a
 * <failure> (message, citation, expected/actual); `unknown` and `not-applicable` are <skipped>; an
 * invalid record is one <error> testcase in its city's suite (or in "(no city)"), an unreadable
 * file one in "(input)". Records skipped by --city, and records no check applies to, are one
 * <skipped> testcase each, so every record appears.
 *
 * Suites must be written whole and their counts come first, so test cases are kept in one
 * temporary file per suite and concatenated at the end: memory stays bounded, disk does not.
 */
export const createJunitFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out);
  let dir: string | undefined;
  const suites = new Map<string, Suite>();

  async function suiteFor(name: string): Promise<Suite> {
    let suite = suites.get(name);
    if (suite) return suite;
    dir ??= await mkdtemp(join(context.tempDir ?? tmpdir(), 'shequ-junit-'));
    const path = join(dir, `${suites.size}.xml`);
    const stream = createWriteStream(path);
    suite = { name, path, stream, sink: new Sink(stream), tests: 0, failures: 0, errors: 0, skipped: 0 };
    suites.set(name, suite);
    return suite;
  }

  async function cleanup(): Promise<void> {
    for (const suite of suites.values()) suite.stream.destroy();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  }

  return {
    async start() {},
    async result(result) {
      const suiteName = isFileError(result) ? INPUT_SUITE : (result.city ?? NO_CITY_SUITE);
      const suite = await suiteFor(suiteName);
      if (suite.law === undefined) suite.law = result.findings[0]?.citation.law;
      for (const testcase of testcases(result, context.city, context.defaultFile)) {
        suite.tests += 1;
        if (testcase.outcome !== 'passed') suite[testcase.outcome] += 1;
        await suite.sink.write(testcase.xml);
      }
    },
    async end() {
      try {
        const ordered = [...suites.values()].sort((a, b) => suiteRank(a.name) - suiteRank(b.name));
        const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
        for (const suite of ordered) {
          await suite.sink.flush();
          suite.stream.end();
          await finished(suite.stream);
          total.tests += suite.tests;
          total.failures += suite.failures;
          total.errors += suite.errors;
          total.skipped += suite.skipped;
        }
        await sink.write('<?xml version="1.0" encoding="UTF-8"?>\n');
        await sink.write(`<testsuites name="shequ-rules check"${counts(total)}>\n`);
        for (const suite of ordered) {
          await sink.write(`  <testsuite name="${xml(suite.name)}"${counts(suite)}>\n`);
          if (suite.law !== undefined) {
            await sink.write(`    <properties>\n      <property name="law" value="${xml(suite.law)}"/>\n    </properties>\n`);
          }
          await sink.flush();
          for await (const chunk of createReadStream(suite.path)) {
            if (!out.write(chunk as Buffer)) await waitForDrain(out);
          }
          await sink.write('  </testsuite>\n');
        }
        await sink.write('</testsuites>\n');
        await sink.flush();
      } finally {
        await cleanup();
      }
    },
    async abort() {
      await cleanup();
    },
  };
};

interface Suite {
  name: string;
  law?: string | undefined;
  path: string;
  stream: WriteStream;
  sink: Sink;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

const NO_CITY_SUITE = '(no city)';
const INPUT_SUITE = '(input)';

function suiteRank(name: string): number {
  const city = (CITY_KEYS as readonly string[]).indexOf(name);
  if (city !== -1) return city;
  return name === NO_CITY_SUITE ? CITY_KEYS.length : CITY_KEYS.length + 1;
}

function counts(c: { tests: number; failures: number; errors: number; skipped: number }): string {
  return ` tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}

export interface Testcase {
  outcome: 'failures' | 'errors' | 'skipped' | 'passed';
  xml: string;
}

export function testcases(result: CheckResult, city?: string, defaultFile?: string): Testcase[] {
  if (isFileError(result)) {
    const message = result.errors[0]?.message ?? 'unreadable';
    return [
      {
        outcome: 'errors',
        xml: `    <testcase name="read" classname="${xml(result.file)}" file="${xml(result.file)}">\n      <error message="${xml(message)}" type="unreadable"/>\n    </testcase>\n`,
      },
    ];
  }
  const file = result.file ?? defaultFile;
  const attributes = `classname="${xml(result.recordId ?? `line ${result.line}`)}"${file !== undefined ? ` file="${xml(file)}"` : ''} line="${result.line}"`;
  if (isSkipped(result)) {
    return [skippedCase('(not checked)', attributes, `record of ${result.city ?? 'another city'}, not checked (--city ${city ?? ''})`)];
  }
  if (!result.valid) {
    const errors = (result.errors ?? []).map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`));
    return [
      {
        outcome: 'errors',
        xml: `    <testcase name="(validation)" ${attributes}>\n      <error message="${xml(errors[0] ?? 'invalid record')}" type="invalid">${xmlText(errors.join('\n'))}</error>\n    </testcase>\n`,
      },
    ];
  }
  if (result.findings.length === 0) {
    return [skippedCase('(no checks)', attributes, `no check of ${result.city ?? '?'} applies to ${result.kind ?? '?'}`)];
  }
  return result.findings.map((finding) => findingCase(finding, attributes));
}

function skippedCase(name: string, attributes: string, message: string): Testcase {
  return { outcome: 'skipped', xml: `    <testcase name="${xml(name)}" ${attributes}>\n      <skipped message="${xml(message)}"/>\n    </testcase>\n` };
}

function findingCase(finding: Finding, attributes: string): Testcase {
  const open = `    <testcase name="${xml(finding.ruleId)}" ${attributes}>`;
  switch (finding.status) {
    case 'pass':
      return { outcome: 'passed', xml: `${open}</testcase>\n` };
    case 'unknown':
    case 'not-applicable': {
      const why =
        finding.status === 'unknown'
          ? `unknown: missing ${(finding.missing ?? []).join(', ') || 'facts'}`
          : `not-applicable: ${finding.reason ?? 'condition-not-met'}`;
      return { outcome: 'skipped', xml: `${open}\n      <skipped message="${xml(why)}"/>\n    </testcase>\n` };
    }
    case 'fail': {
      const c = finding.citation;
      const lines = [
        finding.message.zh,
        finding.message.en,
        `${c.law} ${c.label}${c.liability ? `（法律责任：${c.liability.label}）` : ''}: ${c.text}`,
      ];
      if (finding.expected !== undefined || finding.actual !== undefined) {
        lines.push(`expected: ${finding.expected ?? '-'}, actual: ${finding.actual ?? '-'}`);
      }
      lines.push(`severity: ${finding.severity}; binding: ${finding.binding}`);
      return {
        outcome: 'failures',
        xml: `${open}\n      <failure message="${xml(finding.message.zh)}" type="${finding.severity}">${xmlText(lines.join('\n'))}</failure>\n    </testcase>\n`,
      };
    }
  }
}

/** Escaping for an attribute value; characters XML 1.0 forbids become U+FFFD. */
export function xml(text: string): string {
  return allowedChars(text).replace(/[&<>"'\n\r\t]/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Escaping for element text: line ends stay line ends. */
export function xmlText(text: string): string {
  return allowedChars(text).replace(/[&<>]/g, (c) => XML_ENTITIES[c] ?? c);
}

function allowedChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};
