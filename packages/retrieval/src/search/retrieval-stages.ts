import type { Hit, ScoredChunkId } from '@andes-rag/core';
import type { HitRelevance } from './relevance/relevance-threshold.js';
import type { HitExplanation, RetrievalStage, RetrievalStageName } from './retrieval-trace.js';

/**
 * Runs one stage and records its ranked results and duration; a stage with a `skipped` reason does not run.
 */
export async function timedStage(
  name: RetrievalStageName,
  skipped: string | undefined,
  run: () => Promise<ScoredChunkId[]>,
): Promise<RetrievalStage> {
  if (skipped !== undefined) return { name, candidates: [], skipped, durationMs: 0 };
  const started = performance.now();
  const results = await run();
  return {
    name,
    candidates: results.map((result, index) => ({ chunkId: result.chunkId, rank: index + 1, score: result.score })),
    durationMs: performance.now() - started,
  };
}

/**
 * Each hit's final rank and score, with its rank and score in every stage of the question itself that found it
 * (stages of alternative queries are left to the trace's stage list) and its relevance.
 */
export function explainHits(
  hits: readonly Hit[],
  stages: readonly RetrievalStage[],
  relevance: readonly HitRelevance[],
): HitExplanation[] {
  const byStage = stages
    .filter((stage) => stage.query === undefined)
    .map((stage) => ({
      name: stage.name,
      ranks: new Map(stage.candidates.map((candidate) => [candidate.chunkId, candidate])),
    }));
  return hits.map((hit, index) => {
    const explanation: HitExplanation = {
      chunkId: hit.chunkId,
      source: hit.source,
      rank: index + 1,
      score: hit.score,
      stages: {},
      relevance: relevance[index] ?? { value: 0, cleared: false },
    };
    for (const stage of byStage) {
      const candidate = stage.ranks.get(hit.chunkId);
      if (candidate) explanation.stages[stage.name] = { rank: candidate.rank, score: candidate.score };
    }
    return explanation;
  });
}
