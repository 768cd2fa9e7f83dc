import type { RankedDocument } from '../matching/ranked-documents.js';

/** Rank cutoff of MRR and nDCG: always 10 documents. */
export const rankCutoff = 10;

/** Retrieval quality for one question, over distinct documents. */
export interface QuestionMetrics {
  /** Rank of the first relevant document, or null when none was retrieved (at any depth). */
  firstRelevantRank: number | null;
  /** `recallCurve[i]` = recall@(i+1): share of the relevant sources among the first i+1 documents. */
  recallCurve: number[];
  /** `hitCurve[i]` = hit@(i+1): 1 when a relevant document is among the first i+1, else 0. */
  hitCurve: number[];
  /** 1 / rank of the first relevant document when it is within the first 10, else 0. */
  reciprocalRank: number;
  /** Binary-gain nDCG over the first 10 documents (see the package README). */
  ndcg: number;
}

/**
 * Computes every per-question metric from ranked distinct documents, with curves from 1 to `depth` documents.
 * `relevantCount` is the number of distinct relevant sources (at least 1).
 */
export function questionMetrics(
  documents: readonly RankedDocument[],
  relevantCount: number,
  depth: number,
): QuestionMetrics {
  const firstRelevant = documents.find((document) => document.matches.length > 0);
  const recallCurve: number[] = [];
  const hitCurve: number[] = [];
  let found = 0;
  for (let cutoff = 1; cutoff <= depth; cutoff += 1) {
    found += documents[cutoff - 1]?.matches.length ?? 0;
    recallCurve.push(found / relevantCount);
    hitCurve.push(found > 0 ? 1 : 0);
  }
  const firstRelevantRank = firstRelevant?.rank ?? null;
  const reciprocalRank = firstRelevantRank !== null && firstRelevantRank <= rankCutoff ? 1 / firstRelevantRank : 0;
  return {
    firstRelevantRank,
    recallCurve,
    hitCurve,
    reciprocalRank,
    ndcg: ndcgAt(documents, relevantCount, rankCutoff),
  };
}

function ndcgAt(documents: readonly RankedDocument[], relevantCount: number, cutoff: number): number {
  const discount = (rank: number) => 1 / Math.log2(rank + 1);
  let gained = 0;
  for (const document of documents.slice(0, cutoff)) {
    if (document.matches.length > 0) gained += discount(document.rank);
  }
  let ideal = 0;
  for (let rank = 1; rank <= Math.min(relevantCount, cutoff); rank += 1) ideal += discount(rank);
  return gained / ideal;
}
