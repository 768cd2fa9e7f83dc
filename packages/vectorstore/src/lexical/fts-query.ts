import { buildLexicalQuery } from '@andes-rag/text-analysis';

/**
 * Turns a user's question into an FTS5 query that can never be a syntax error, for a table filled with
 * `analyzeForIndex` text (see `fts-table.ts`): `buildLexicalQuery` of `@andes-rag/text-analysis`, the one analyser
 * shared with the relevance threshold, extractive excerpts and citation precision. Each term is double-quoted
 * (inner `"` doubled) and the terms are OR-joined; CJK runs become character pairs and characters; identifiers
 * (`node.js`) become phrases of their tokens; English and Chinese function words are dropped.
 *
 * Returns undefined when nothing is left to search for (empty, punctuation only, or stopwords only).
 */
export function buildFtsQuery(query: string): string | undefined {
  return buildLexicalQuery(query);
}

export { quoteFtsString } from '@andes-rag/text-analysis';
