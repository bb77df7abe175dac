// The types a per-city module (shequ-rules/laws/<city>) hands out, re-exported there so that an
// app importing one city can name them without importing the whole library's entry.
export type { CityLaw } from './cityLaw.js';
export type { ArticleMatch, ParagraphMatch } from './searchRuleFile.js';
export type { CatalogueArticle, CatalogueItem, CatalogueParagraph, ChapterRef, CityKey, LawMeta, RuleFile } from '../types.js';
