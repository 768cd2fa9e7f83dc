import type { Hit } from '@andes-rag/core';
import { sourceMatches } from './source-matches.js';

/** One distinct document of a result list, in rank order. */
export interface RankedDocument {
  /** 1-based rank among distinct documents. */
  rank: number;
  source: string;
  /**
   * The relevant sources this document is the first to match, or empty. A relevant source matched by a document
   * ranked higher is not counted again, so two copies of an answer never count twice.
   */
  matches: string[];
}

/**
 * Turns ranked chunks into ranked distinct documents (a document takes the rank of its best chunk) and marks which
 * relevant sources each one newly matches.
 */
export function rankDocuments(hits: readonly Pick<Hit, 'source'>[], relevant: readonly string[]): RankedDocument[] {
  const seenSources = new Set<string>();
  const unmatched = new Set(relevant);
  const documents: RankedDocument[] = [];
  for (const { source } of hits) {
    if (seenSources.has(source)) continue;
    seenSources.add(source);
    const matches = [...unmatched].filter((wanted) => sourceMatches(source, wanted));
    for (const match of matches) unmatched.delete(match);
    documents.push({ rank: documents.length + 1, source, matches });
  }
  return documents;
}
