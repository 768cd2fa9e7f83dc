import type { Hit } from '@andes-rag/core';
import type { QueryRewrite } from '../rewriting/query-rewriter.js';
import type { HybridRetriever, RetrieverSearchOptions } from './hybrid-retriever.js';
import type { ExplainedSearch } from './retrieval-trace.js';

/** The reciprocal-rank constant that interleaves the collections' rankings (as in fusion: Cormack et al. 2009). */
const mergeRankConstant = 60;

/** How {@link searchCollections} searches: as one collection is searched, plus what to merge. */
export interface CollectionsSearchOptions extends RetrieverSearchOptions {
  /**
   * Merge the hits of collections that do not cover the question too (to measure raw retrieval, as `andes eval`
   * does). Default false: an answer's sources come only from collections that cover the question.
   */
  includeUncovered?: boolean;
}

/** One ranked list over several collections, with each collection's own search. */
export interface CollectionsSearch {
  /** The best `k` hits over the collections that cover the question, best first, each naming its `collection`. */
  hits: Hit[];
  /** True when at least one collection covers the question (see {@link ExplainedSearch.covered}). */
  covered: boolean;
  /** The rewrite every collection searched with, when a rewriter is configured. */
  rewrite?: QueryRewrite;
  /** Each collection's search, in the order given. */
  searches: Array<{ collection: string; search: ExplainedSearch }>;
}

/**
 * Searches several collections with one retriever and merges them into one ranking, so an assistant over several
 * collections answers from one list of sources. The question is rewritten once (a follow-up is condensed once, not
 * per collection). Each collection keeps its own relevance verdict, and one that does not cover the question adds
 * no hits: its best chunks would be noise. The filter (and the caller's principals in it) applies inside every
 * collection's search, before ranking. Ranks are merged, not raw scores (BM25 scores of two collections are not
 * comparable): a hit scores `1 / (60 + rank)` in its collection, ties going to the collection named first; when
 * every search was reranked, the reranker's probabilities are comparable and order the hits instead.
 *
 * @throws AndesError `collection_not_found` for a missing collection, and whatever {@link HybridRetriever.explain} throws.
 */
export async function searchCollections(
  retriever: HybridRetriever,
  collections: readonly string[],
  query: string,
  options: CollectionsSearchOptions,
): Promise<CollectionsSearch> {
  const rewrite = options.rewrite ?? (await retriever.rewriteQuery(query, options));
  const searches: CollectionsSearch['searches'] = [];
  for (const collection of new Set(collections)) {
    const search = await retriever.explain(collection, query, { ...options, ...(rewrite ? { rewrite } : {}) });
    searches.push({ collection, search });
  }
  const covering = searches.filter(({ search }) => search.covered || options.includeUncovered === true);
  const reranked =
    covering.length > 0 && covering.every(({ search }) => search.trace.stages.some((stage) => stage.name === 'rerank'));
  const candidates = covering.flatMap(({ collection, search }, order) =>
    search.hits.map((hit, position) => ({
      hit: { ...hit, collection, score: reranked ? hit.score : 1 / (mergeRankConstant + position + 1) },
      order,
      position,
    })),
  );
  candidates.sort(
    (left, right) => right.hit.score - left.hit.score || left.position - right.position || left.order - right.order,
  );
  return {
    hits: candidates.slice(0, options.k).map((candidate) => candidate.hit),
    covered: searches.some(({ search }) => search.covered),
    ...(rewrite ? { rewrite } : {}),
    searches,
  };
}
