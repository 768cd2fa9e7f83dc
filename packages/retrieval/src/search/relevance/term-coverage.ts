import type { Hit } from '@andes-rag/core';
import { contentTerms } from '@andes-rag/text-analysis';

/**
 * The distinct topic terms of a text: `contentTerms` of `@andes-rag/text-analysis`, the analyser BM25 search uses
 * too. Words lower-cased, accents, stopwords and one-letter words dropped, inflections removed; CJK text as
 * character pairs without function words.
 */
export function topicTerms(text: string): Set<string> {
  return contentTerms(text);
}

/**
 * The fraction of the query's topic terms ({@link topicTerms}) that appear in the hit's title, heading path or
 * text: 1 when the passage mentions every one, 0 when it mentions none (or the query has none). Unlike a BM25
 * score it means the same thing for every query and collection, which is what a threshold needs.
 */
export function termCoverage(
  queryTerms: ReadonlySet<string>,
  hit: Pick<Hit, 'title' | 'headingPath' | 'text'>,
): number {
  if (queryTerms.size === 0) return 0;
  const passage = topicTerms([hit.title, ...hit.headingPath, hit.text].join('\n'));
  let found = 0;
  for (const term of queryTerms) if (passage.has(term)) found += 1;
  return found / queryTerms.size;
}
