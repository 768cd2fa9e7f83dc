export { analyzeForIndex } from './analyze-for-index.js';
export { buildLexicalQuery, lexicalQueryTerms, quoteFtsString } from './lexical-query.js';
export { contentTerms } from './content-terms.js';
export { cjkContentTerms, cjkIndexTokens, cjkQueryTerms } from './cjk-terms.js';
export { inflectionStem } from './inflection-stem.js';
export { normalizeText } from './normalize-text.js';
export { isCjkCharacter, scriptRuns, type ScriptRun } from './scripts/cjk-runs.js';
export { englishStopwords, isEnglishStopword } from './stopwords/english-stopwords.js';
export { chineseStopBigrams, chineseStopCharacters } from './stopwords/chinese-stopwords.js';
