import type { Hit } from '@andes-rag/core';

/** What the evaluator reads of a retrieved chunk: its document's source. Any {@link Hit} will do. */
export type RetrievedChunk = Pick<Hit, 'source'>;

/**
 * One retriever set-up to evaluate. Retrieval is injected as a function, so this package needs no store or model:
 * the caller closes over whatever it searches with.
 */
export interface RetrievalConfiguration {
  /** Short name shown in tables and reports, unique within a comparison (e.g. `bm25`, `hybrid-rrf`). */
  name: string;
  /** One line on what it does, for reports. */
  description?: string;
  /**
   * Returns ranked chunks for a question, best first. Ask for enough chunks to fill the evaluated document depth:
   * several chunks often come from one document.
   */
  retrieve: (question: string) => Promise<readonly RetrievedChunk[]>;
}

/** A configuration that could not run here, listed in reports with the reason. */
export interface SkippedConfiguration {
  name: string;
  description?: string;
  /** Why it did not run, e.g. `no embedding model configured`. */
  skipped: string;
}

/** True for a {@link SkippedConfiguration}. */
export function isSkipped(
  configuration: RetrievalConfiguration | SkippedConfiguration,
): configuration is SkippedConfiguration {
  return 'skipped' in configuration;
}
