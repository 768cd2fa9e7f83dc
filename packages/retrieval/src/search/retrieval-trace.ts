import type { Hit } from '@andes-rag/core';
import type { QueryRewrite } from '../rewriting/query-rewriter.js';
import type { HitRelevance, ThresholdDecision } from './relevance/relevance-threshold.js';

/**
 * The ranking stages a search can run, in order; `document` is document-aware ranking (a chunk gains a share of
 * its document's best other candidate's score).
 */
export type RetrievalStageName = 'lexical' | 'dense' | 'fusion' | 'document' | 'rerank';

/** A chunk's place in one stage's results. */
export interface RankedCandidate {
  chunkId: string;
  /** Position in the stage's results, from 1. */
  rank: number;
  /** The stage's score (BM25, cosine similarity, RRF, reranker probability), higher better. */
  score: number;
}

/** What one stage did. */
export interface RetrievalStage {
  name: RetrievalStageName;
  /** Its results, best first; empty when skipped. */
  candidates: RankedCandidate[];
  /** Why the stage did not run (e.g. no embedding model configured), when it did not. */
  skipped?: string;
  /** Wall-clock time the stage took, in milliseconds. */
  durationMs: number;
  /**
   * The text this lexical or dense stage searched when it was not the question itself: a multi-query
   * alternative or the HyDE passage. Unset for the question's own stages.
   */
  query?: string;
}

/** Why one returned hit is where it is: its rank and score in every stage it appeared in. */
export interface HitExplanation {
  chunkId: string;
  source: string;
  /** Final rank, from 1. */
  rank: number;
  /** Final score (the hit's `score`). */
  score: number;
  /** Rank and score in each stage of the question itself (alternative queries' stages are in `trace.stages`). */
  stages: Partial<Record<RetrievalStageName, { rank: number; score: number }>>;
  /** Its relevance under the threshold's signal, and whether it cleared the threshold. */
  relevance: HitRelevance;
}

/** A search's trace, for `andes search --explain`: each stage's ranks and scores. */
export interface RetrievalTrace {
  /** The question as asked. */
  query: string;
  k: number;
  /** How many results each retriever was asked for before fusion. */
  candidates: number;
  /** The RRF constant, when results were fused. */
  rrfK?: number;
  /** The document-aware ranking weight, when that stage ran. */
  documentBoost?: number;
  /** How many fused candidates the reranker read, when one ran. */
  rerankCandidates?: number;
  /** What query rewriting did, when a rewriter is configured. */
  rewrite?: QueryRewrite;
  /** Ranking stages in the order they ran. */
  stages: RetrievalStage[];
  /** The relevance threshold's verdict. */
  threshold: ThresholdDecision;
  hits: HitExplanation[];
}

/** Hits with the trace that explains them. */
export interface ExplainedSearch {
  hits: Hit[];
  trace: RetrievalTrace;
  /** False when no hit cleared the relevance threshold: the collection does not cover the question. */
  covered: boolean;
}
