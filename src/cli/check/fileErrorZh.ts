/**
 * A file error of the reader (input.ts: a file that cannot be opened or read on, a gzip problem, a
 * UTF-16 input) in Chinese. The reader words them in English; this knows each of its wordings, so
 * the zh of an unreadable file's result and the zh stderr line are Chinese throughout. A reason
 * it does not know (an error from the system it has never seen) is kept as it is, in the Chinese
 * frame.
 */

/** Reasons, each the whole text after "cannot read FILE: " or "FILE: ". */
const REASONS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^no such file \((\w+)\)$/, (code) => `文件不存在（${code}）`],
  [/^is a directory \((\w+)\)$/, (code) => `是一个目录（${code}）`],
  [/^permission denied \((\w+)\)$/, (code) => `没有读取权限（${code}）`],
  [/^operation not permitted \((\w+)\)$/, (code) => `不允许的操作（${code}）`],
  [/^corrupt gzip data \((\w+)\)$/, (code) => `gzip 数据已损坏（${code}）`],
  [/^not UTF-8 \((\w+)\)$/, (code) => `不是 UTF-8 编码（${code}）`],
  [/^gzip data cut off \((\w+)\)$/, (code) => `gzip 数据被截断（${code}）`],
  [/^gzip data cut off \(inside a member header\)$/, () => 'gzip 数据被截断（在成员头部内）'],
  [/^gzip data cut off \(unexpected end of file\); the records before the cut were read$/, () => 'gzip 数据被截断（文件意外结束）；截断之前的记录已读取'],
  [/^gzip data cut off \(member trailer missing\)$/, () => 'gzip 数据被截断（缺少成员尾部）'],
  [/^gzip member (\d+) fails its CRC\/length check: its data may be corrupt$/, (member) => `第 ${member} 个 gzip 成员未通过 CRC/长度校验：其数据可能已损坏`],
  [/^trailing garbage after the gzip data ignored \((\d+) bytes?\)$/, (bytes) => `gzip 数据之后的多余内容已忽略（${bytes} 字节）`],
  [
    /^gzip data expands over (\d+(?:\.\d+)?) times \((\d+) bytes out of (\d+) read\): stopped as a likely decompression bomb \(see --max-gzip-ratio\)$/,
    (ratio, out, read) => `gzip 数据解压后超过 ${ratio} 倍（读取 ${read} 字节，解压出 ${out} 字节）：疑似解压炸弹，已停止（见 --max-gzip-ratio）`,
  ],
  [
    /^the input looks like (UTF-16[LB]E), but records must be UTF-8; convert it first, e\.g\. (iconv .*)$/,
    (encoding, command) => `输入看起来是 ${encoding} 编码，但记录必须是 UTF-8；请先转换，例如 ${command}`,
  ],
];

function reasonZh(reason: string): string {
  for (const [pattern, word] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return word(...match.slice(1));
  }
  return reason;
}

/** `message` (an unreadable file's English message about `file`) in Chinese. */
export function fileErrorZh(message: string, file: string): string {
  const cannotRead = `cannot read ${file}`;
  if (message.startsWith(cannotRead)) {
    const rest = message.slice(cannotRead.length);
    const after = /^ after line (\d+): /.exec(rest);
    if (after) return `无法读取 ${file}（第 ${after[1]} 行之后）：${reasonZh(rest.slice(after[0].length))}`;
    if (rest.startsWith(': ')) return `无法读取 ${file}：${reasonZh(rest.slice(2))}`;
  }
  if (message.startsWith(`${file}: `)) return `${file}：${reasonZh(message.slice(file.length + 2))}`;
  return `无法读取文件：${reasonZh(message)}`;
}

/** `fileErrorZh` for a message about one of the files `names` (the one it names). */
export function fileErrorZhAmong(message: string, names: readonly string[]): string {
  const file = names.find((name) => message.startsWith(`cannot read ${name}`) || message.startsWith(`${name}: `));
  return file === undefined ? `无法读取文件：${reasonZh(message)}` : fileErrorZh(message, file);
}
