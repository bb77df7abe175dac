import * as OpenCC from 'opencc-js';
import { applyPhraseTable } from './phrases.js';

// Taiwan-standard characters to mainland simplified characters; vocabulary is left to the table.
const taiwanToMainland = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * The catalogue's text pipeline: opencc tw→cn, then the reviewed phrase table. For text that is
 * already mainland simplified Chinese it must change nothing (asserted by the corpus test).
 *
 * @example
 * toMainlandSimplified('社區服務視窗') //=> '社区服务窗口'
 */
export function toMainlandSimplified(text: string): string {
  return applyPhraseTable(taiwanToMainland(text));
}

/** opencc tw→cn alone: used by the tests to prove no traditional character is left. */
export function convertTaiwanCharacters(text: string): string {
  return taiwanToMainland(text);
}
