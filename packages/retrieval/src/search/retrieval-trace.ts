import type { Hit } from '@andes/core';

/** The stages a search can run. Later stages (rerank, threshold) add their names here. */
export type RetrievalStageName = 'lexical' | 'dense' | 'fusion';

/** A chunk's place in one stage's results. */
export interface RankedCandidate {
  chunkId: string;
  /** Position in the stage's results, from 1. */
  rank: number;
  /** The stage's score (BM25, cosine similarity, RRF), higher better. */
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
}

/** Why one returned hit is where it is: its rank and score in every stage it appeared in. */
export interface HitExplanation {
  chunkId: string;
  source: string;
  /** Final rank, from 1. */
  rank: number;
  /** Final score (the hit's `score`). */
  score: number;
  stages: Partial<Record<RetrievalStageName, { rank: number; score: number }>>;
}

/** A search's trace, for `andes search --explain`: each stage's ranks and scores. */
export interface RetrievalTrace {
  query: string;
  k: number;
  /** How many results each retriever was asked for before fusion. */
  candidates: number;
  /** The RRF constant, when results were fused. */
  rrfK?: number;
  stages: RetrievalStage[];
  hits: HitExplanation[];
}

/** Hits with the trace that explains them. */
export interface ExplainedSearch {
  hits: Hit[];
  trace: RetrievalTrace;
}
