/** One retrieved chunk, best first in any list of hits. */
export interface Hit {
  chunkId: string;
  documentId: string;
  /** The path the document was ingested from. */
  source: string;
  /** The collection the hit comes from, when a search spanned several (an assistant's collections). */
  collection?: string;
  title: string;
  headingPath: string[];
  text: string;
  /** Higher is better. Comparable only within one result list. */
  score: number;
  startOffset: number;
  endOffset: number;
  page?: number;
  /**
   * Codes of the warnings parsing raised for the hit's document (e.g. `hidden_text`), when the answering pipeline
   * looked them up: shown to the model beside the source and carried into its citation. Absent when none.
   */
  documentWarnings?: string[];
}

/** A chunk id with a score from one retriever (BM25, dense), best first. */
export interface ScoredChunkId {
  chunkId: string;
  /** Higher is better (BM25 score, cosine similarity). */
  score: number;
}
