import { englishStopwords } from './english-stopwords.js';

const letterOrDigit = /[\p{L}\p{N}]/u;
const edgePunctuation = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Turns a user's question into an FTS5 query that can never be a syntax error: the text is split on whitespace and
 * control characters (a NUL would end FTS5's string early), each word trimmed of surrounding punctuation, words
 * without a letter or digit and English stopwords dropped, duplicates dropped, and each remaining word double-quoted (inner `"` doubled) so FTS5 reads it as a string, never
 * as an operator (`AND`, `NEAR`, `*`, `(`...). The words are OR-joined; BM25 ranks documents matching more and rarer
 * words first. A word with inner punctuation (`node.js`) becomes a phrase of its tokens.
 *
 * Returns undefined when nothing is left to search for (empty, punctuation only, or stopwords only).
 */
export function buildFtsQuery(query: string): string | undefined {
  const terms = new Map<string, string>();
  for (const word of query.normalize('NFC').split(/[\s\p{Cc}]+/u)) {
    const term = word.replace(edgePunctuation, '');
    if (!letterOrDigit.test(term)) continue;
    const key = term.toLowerCase().replaceAll('\u2019', "'");
    if (isStopword(key) || terms.has(key)) continue;
    terms.set(key, term);
  }
  if (terms.size === 0) return undefined;
  return [...terms.values()].map(quoteFtsString).join(' OR ');
}

/** A stopword, or a stopword with a contraction's ending (`what's`, `they're`). */
function isStopword(word: string): boolean {
  if (englishStopwords.has(word)) return true;
  const contraction = /^(.+)'(?:s|re|ll|ve|d|m|t)$/u.exec(word);
  return contraction !== null && englishStopwords.has(contraction[1] ?? '');
}

/** An FTS5 string literal: wrapped in `"`, with each inner `"` doubled. */
export function quoteFtsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
