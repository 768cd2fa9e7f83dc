import { cjkContentTerms } from './cjk-terms.js';
import { inflectionStem } from './inflection-stem.js';
import { normalizeText } from './normalize-text.js';
import { scriptRuns } from './scripts/cjk-runs.js';
import { isEnglishStopword } from './stopwords/english-stopwords.js';

/**
 * The distinct content terms of a text, to compare a question, a passage or an answer's sentence by the terms
 * they share. Outside CJK runs: lower-cased words (runs of letters and digits) with accents removed, one-letter
 * words and English stopwords dropped (acronyms in capitals kept: `US`), inflections removed
 * ({@link inflectionStem}: `drops` and `dropping` are both `drop`). CJK runs give their character pairs, function
 * words dropped ({@link cjkContentTerms}).
 */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const run of scriptRuns(normalizeText(text))) {
    if (run.cjk) {
      for (const term of cjkContentTerms(run.text)) terms.add(term);
      continue;
    }
    const plain = run.text.normalize('NFKD').replace(/\p{M}/gu, '');
    for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = match[0];
      if (word.length > 1 && !isEnglishStopword(word)) terms.add(inflectionStem(word.toLowerCase()));
    }
  }
  return terms;
}
