import type { Hit } from '@andes-rag/core';
import { termCoverage, topicTerms } from './term-coverage.js';

/** What decides whether a passage is relevant: the question's words it contains, or a cross-encoder's score. */
export type RelevanceSignal = 'term-coverage' | 'rerank';

/** When a search counts as covering the question. */
export interface RelevanceThresholdOptions {
  /**
   * Least fraction of the question's topic words (stopwords dropped, inflections removed) that one retrieved
   * passage must contain, title and headings included. 0 turns the check off. Default
   * {@link defaultMinTermCoverage}, measured (see the package README).
   */
  minTermCoverage?: number;
  /**
   * Least reranker score (0 to 1) one passage must reach. When set and a reranker ran, it decides instead of
   * term coverage: a cross-encoder sees paraphrases that share no words with the question. Default: unset, since
   * a good value depends on the reranker model and none could be measured here.
   */
  minRerankScore?: number;
}

/** The threshold's verdict on one search. */
export interface ThresholdDecision {
  signal: RelevanceSignal;
  /** The least value a passage needed. */
  minimum: number;
  /** True when at least one passage reached `minimum`: the collection covers the question. */
  covered: boolean;
  /** The best passage's value (0 without hits). */
  best: number;
}

/** One hit's relevance under the threshold's signal. */
export interface HitRelevance {
  value: number;
  cleared: boolean;
}

/**
 * Default least term coverage: a third of the question's topic words in one passage. Chosen by measurement on
 * questions the collection does and does not cover (package README, "Relevance threshold").
 */
export const defaultMinTermCoverage = 0.34;

/**
 * Judges retrieved hits: each hit's relevance (term coverage, or its reranker score when a reranker ran and
 * `minRerankScore` is set) and whether any clears the threshold. Hits are never dropped here; answering uses
 * the verdict to say that the documents do not cover the question instead of answering from noise.
 */
export function judgeRelevance(
  query: string,
  hits: readonly Hit[],
  rerankScores: ReadonlyMap<string, number> | undefined,
  options: RelevanceThresholdOptions = {},
): { decision: ThresholdDecision; relevance: HitRelevance[] } {
  const byReranker = rerankScores !== undefined && options.minRerankScore !== undefined;
  const signal: RelevanceSignal = byReranker ? 'rerank' : 'term-coverage';
  const minimum = byReranker ? (options.minRerankScore as number) : (options.minTermCoverage ?? defaultMinTermCoverage);
  const queryTerms = byReranker ? new Set<string>() : topicTerms(query);
  const relevance = hits.map((hit) => {
    const value = byReranker ? (rerankScores.get(hit.chunkId) ?? 0) : termCoverage(queryTerms, hit);
    return { value, cleared: value >= minimum };
  });
  const best = Math.max(0, ...relevance.map((entry) => entry.value));
  return { decision: { signal, minimum, covered: relevance.some((entry) => entry.cleared), best }, relevance };
}
