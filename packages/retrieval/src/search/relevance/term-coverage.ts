import type { Hit } from '@andes/core';
import { questionStopwords } from './english-stopwords.js';
import { inflectionStem } from './inflection-stem.js';

/**
 * The distinct topic words of a text, stemmed: lower-cased, accents removed, split into runs of letters and
 * digits, stopwords and one-letter words dropped, inflections removed ({@link inflectionStem}).
 */
export function topicTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length > 1 && !questionStopwords.has(word)) terms.add(inflectionStem(word));
  }
  return terms;
}

/**
 * The fraction of the query's topic words ({@link topicTerms}) that appear in the hit's title, heading path or
 * text: 1 when the passage mentions every one, 0 when it mentions none (or the query has none). Unlike a BM25
 * score it means the same thing for every query and collection, which is what a threshold needs.
 */
export function termCoverage(queryTerms: ReadonlySet<string>, hit: Pick<Hit, 'title' | 'headingPath' | 'text'>): number {
  if (queryTerms.size === 0) return 0;
  const passage = topicTerms([hit.title, ...hit.headingPath, hit.text].join('\n'));
  let found = 0;
  for (const term of queryTerms) if (passage.has(term)) found += 1;
  return found / queryTerms.size;
}
