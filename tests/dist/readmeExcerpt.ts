/**
 * Matching the README's sample outputs against real output. A sample is an excerpt: a line that is
 * only `…` stands for lines left out, a `…` inside a line for text left out of it; everything else
 * must be there as written, the runs between the left-out parts contiguous and in order.
 */

/** A README line as a pattern for one whole output line (`…` matches anything, itself included). */
function linePattern(line: string): RegExp {
  const parts = line.trimEnd().split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}\\s*$`, 'u');
}

/**
 * The first line of `excerpt` that `output` does not have where it should, with what was there;
 * null when the excerpt is true of the output.
 */
export function excerptMismatch(excerpt: string, output: string): string | null {
  const runs: string[][] = [[]];
  for (const line of excerpt.replace(/\n+$/, '').split('\n')) {
    if (line.trim() === '…') runs.push([]);
    else runs.at(-1)!.push(line);
  }
  const lines = output.split('\n');
  let from = 0;
  for (const run of runs.filter((r) => r.length > 0)) {
    const patterns = run.map(linePattern);
    let found = -1;
    for (let start = from; start + patterns.length <= lines.length && found < 0; start += 1) {
      if (patterns.every((pattern, i) => pattern.test(lines[start + i]!))) found = start;
    }
    if (found < 0) {
      // Name the first line of the run that cannot be found where the run could start.
      const first = lines.findIndex((line, i) => i >= from && patterns[0]!.test(line));
      if (first < 0) return `not in the output: ${run[0]}`;
      const bad = patterns.findIndex((pattern, i) => !pattern.test(lines[first + i] ?? ''));
      return `README: ${run[bad]}\noutput: ${lines[first + bad] ?? '(end of output)'}`;
    }
    from = found + patterns.length;
  }
  return null;
}

/** The README's fenced blocks of one info string (`text`, `csv`, `xml`…), each with the line it starts at. */
export function fencedBlocks(readme: string, info: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] !== `\`\`\`${info}`) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ line: i + 1, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** A `text` block cut at its `$ shequ-rules …` lines: each command with the output shown under it. */
export function shownCommands(block: string): Array<{ args: string[]; shown: string }> {
  const out: Array<{ args: string[]; shown: string }> = [];
  for (const line of block.split('\n')) {
    const command = /^\$ shequ-rules (.*)$/.exec(line);
    if (command) out.push({ args: command[1]!.trim().split(/\s+/), shown: '' });
    else if (out.length > 0) out.at(-1)!.shown += `${line}\n`;
  }
  return out;
}
