import { cjkQueryTerms } from './cjk-terms.js';
import { asDottedNumber, dottedNumberToken } from './dotted-number.js';
import { normalizeText } from './normalize-text.js';
import { scriptRuns } from './scripts/cjk-runs.js';
import { isEnglishStopword } from './stopwords/english-stopwords.js';

const letterOrDigit = /[\p{L}\p{N}]/u;
/** Punctuation at either end of a word; `_` stays (`__init__`). */
const edgePunctuation = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
const hyphenated = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

/**
 * The search terms of a question, in order, each once whatever its case. Each term is one FTS5 string: a word,
 * a CJK character or character pair, or an identifier whose inner punctuation makes it a phrase of its tokens.
 *
 * The question is normalized ({@link normalizeText}) and split on whitespace and control characters (a NUL would
 * end FTS5's string early), then into CJK runs and the rest. CJK runs give their character pairs and characters,
 * function words dropped ({@link cjkQueryTerms}). Other words are trimmed of surrounding punctuation and of a
 * possessive `'s` (`user's` → `user`); words without a letter or digit and English stopwords are dropped; then:
 *
 * - an identifier keeps its exact form, a phrase of its parts: `os.path.join`, `node.js`, `snake_case`, `__init__`;
 * - a hyphenated word gives the phrase of its parts and the parts joined: `SHA-256` gives `SHA-256` (matching
 *   `SHA-256` and `SHA 256`) and `SHA256` (matching `sha256`);
 * - a dotted number gives its joined index token (`3.2.1` → `3dot2dot1`, see `dotted-number.ts`), which matches
 *   `3.2.1` and `v3.2.1` but not the address `10.3.2.1`, as a phrase `3 2 1` would.
 */
export function lexicalQueryTerms(question: string): string[] {
  const terms = new Map<string, string>();
  const add = (term: string) => {
    const key = term.toLowerCase();
    if (!terms.has(key)) terms.set(key, term);
  };
  for (const word of normalizeText(question).split(/[\s\p{Cc}]+/u)) {
    for (const run of scriptRuns(word)) {
      if (run.cjk) {
        cjkQueryTerms(run.text).forEach(add);
        continue;
      }
      let term = run.text.replaceAll('\u2019', "'").replace(edgePunctuation, '');
      if (/'s$/iu.test(term)) term = term.slice(0, -2);
      if (!letterOrDigit.test(term) || isEnglishStopword(term)) continue;
      const number = asDottedNumber(term);
      if (number !== undefined) {
        add(dottedNumberToken(number));
      } else if (hyphenated.test(term)) {
        add(term);
        add(term.replaceAll('-', ''));
      } else {
        add(term);
      }
    }
  }
  return [...terms.values()];
}

/**
 * Turns a question into an FTS5 `MATCH` expression that can never be a syntax error: the question's terms
 * ({@link lexicalQueryTerms}), each double-quoted ({@link quoteFtsString}) so FTS5 reads it as a string, never as
 * an operator (`AND`, `NEAR`, `*`, `(`...), OR-joined: BM25 ranks text matching more and rarer terms first. Search
 * a column filled with {@link analyzeForIndex}'s text.
 *
 * Returns undefined when nothing is left to search for (empty, punctuation only, or stopwords only).
 */
export function buildLexicalQuery(question: string): string | undefined {
  const terms = lexicalQueryTerms(question);
  return terms.length === 0 ? undefined : terms.map(quoteFtsString).join(' OR ');
}

/** An FTS5 string literal: wrapped in `"`, with each inner `"` doubled. */
export function quoteFtsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
