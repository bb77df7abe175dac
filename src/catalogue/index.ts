// The catalogue of the five laws: metadata, articles, citation labels and search. One city's law
// alone: shequ-rules/laws/<city> (src/laws/), or `loadLaw(city)`.
export { formatCitationLabel, type FormatCitationLabelOptions } from './citationLabel.js';
export { getArticle } from './getArticle.js';
export type { CityLaw } from './cityLaw.js';
export { loadLaw } from './loadLaw.js';
export { isCityKey } from './isCityKey.js';
export { listLaws, summarizeLaws, type LawSummary } from './laws.js';
export { fromChineseNumeral, toChineseNumeral } from './numerals.js';
export { getRuleFile, ruleFiles } from './ruleFiles.js';
export {
  searchArticles,
  type ArticleMatch,
  type ParagraphMatch,
  type SearchArticlesOptions,
} from './searchArticles.js';
