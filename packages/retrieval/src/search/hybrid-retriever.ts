import {
  AndesError,
  noopLogger,
  type ChunkFilter,
  type EmbeddingModel,
  type Hit,
  type KnowledgeStore,
  type Logger,
  type ScoredChunkId,
  type StoreSearchOptions,
} from '@andes/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import { defaultRrfK, reciprocalRankFusion } from '../fusion/reciprocal-rank-fusion.js';
import { chunkToHit } from './chunk-to-hit.js';
import { denseSkipReason } from './dense-skip-reason.js';
import type { ExplainedSearch, RetrievalStage, RetrievalStageName } from './retrieval-trace.js';
import { explainHits, timedStage } from './retrieval-stages.js';

/** How a {@link HybridRetriever} searches. */
export interface HybridRetrieverOptions {
  /** Where the chunks and their indexes live. */
  store: KnowledgeStore;
  /**
   * Turns on dense retrieval, fused with BM25. Leave unset unless a real embedding model is configured: a weak
   * dense signal makes fusion worse than BM25 alone (measured, see NOTES.md). Default: none (BM25 only).
   */
  embeddingModel?: EmbeddingModel;
  /** The reciprocal rank fusion constant. Default 60 (see {@link reciprocalRankFusion}). */
  rrfK?: number;
  /** How many results each retriever contributes before fusion. Default `max(4 × k, 40)`, and never below k. */
  candidates?: number;
  /** Weight of the BM25 list in fusion. Default 1. */
  lexicalWeight?: number;
  /** Weight of the dense list in fusion. Default 1. */
  denseWeight?: number;
  /** Run BM25. Set false to search by embeddings only (needs `embeddingModel`), e.g. to compare. Default true. */
  lexical?: boolean;
  /** Receives debug lines. Default: {@link noopLogger}. */
  logger?: Logger;
}

/** One search. */
export interface RetrieverSearchOptions {
  /** How many hits at most; a positive integer. */
  k: number;
  /** Applied inside each retriever, before ranking. */
  filter?: ChunkFilter;
  /** Cancels the search (AndesError `aborted`). */
  signal?: AbortSignal;
}

/**
 * Hybrid search over one collection: BM25 always; dense retrieval when an embedding model is configured and the
 * collection holds vectors from it; both fused by reciprocal rank fusion. Scores are higher-better: BM25 scores
 * for BM25 alone, cosine similarities for dense alone, RRF scores when fused.
 */
export class HybridRetriever {
  private readonly store: KnowledgeStore;
  private readonly embeddingModel: EmbeddingModel | undefined;
  private readonly rrfK: number;
  private readonly candidates: number | undefined;
  private readonly weights: Record<'lexical' | 'dense', number>;
  private readonly lexical: boolean;
  private readonly logger: Logger;

  constructor(options: HybridRetrieverOptions) {
    if (options.lexical === false && options.embeddingModel === undefined) {
      throw new AndesError('invalid_request', 'A retriever without BM25 needs an embedding model.');
    }
    this.store = options.store;
    this.embeddingModel = options.embeddingModel;
    this.rrfK = options.rrfK ?? defaultRrfK;
    this.candidates = options.candidates;
    this.weights = { lexical: options.lexicalWeight ?? 1, dense: options.denseWeight ?? 1 };
    this.lexical = options.lexical ?? true;
    this.logger = options.logger ?? noopLogger;
  }

  /**
   * The best `k` chunks for `query`, best first.
   * @throws AndesError `collection_not_found`, `invalid_request` (blank query, bad k), `aborted`.
   */
  async search(collection: string, query: string, options: RetrieverSearchOptions): Promise<Hit[]> {
    return (await this.explain(collection, query, options)).hits;
  }

  /** Like {@link search}, with a trace of every stage's ranks and scores (for `--explain`). */
  async explain(collection: string, query: string, options: RetrieverSearchOptions): Promise<ExplainedSearch> {
    const { k, signal } = options;
    if (query.trim() === '') throw new AndesError('invalid_request', 'The query is empty.');
    if (!Number.isInteger(k) || k < 1) throw new AndesError('invalid_request', `k must be a positive integer, got ${k}.`);
    throwIfAborted(signal);
    const info = await this.store.getCollection(collection);
    if (!info) throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, { details: { collection } });

    const candidates = Math.max(k, this.candidates ?? Math.max(4 * k, 40));
    const storeOptions: StoreSearchOptions = options.filter ? { k: candidates, filter: options.filter } : { k: candidates };
    const stages = await Promise.all([
      timedStage('lexical', this.lexical ? undefined : 'disabled', () => this.store.searchLexical(collection, query, storeOptions)),
      timedStage('dense', denseSkipReason(info, this.embeddingModel, this.logger), async () => {
        const vector = await (this.embeddingModel as EmbeddingModel).embedQuery(query, signal ? { signal } : {});
        throwIfAborted(signal);
        return this.store.searchVector(collection, vector, storeOptions);
      }),
    ]);
    throwIfAborted(signal);
    const ran = stages.filter((stage) => stage.skipped === undefined);
    const fusion = ran.length > 1 ? await timedStage('fusion', undefined, async () => this.fuse(ran)) : undefined;
    if (fusion) stages.push(fusion);
    const final = fusion ?? ran[0];
    const top = (final?.candidates ?? []).slice(0, k);
    const scores = new Map(top.map((candidate) => [candidate.chunkId, candidate.score]));
    const chunks = await this.store.getChunks(collection, [...scores.keys()]);
    const hits = chunks.map((chunk) => chunkToHit(chunk, scores.get(chunk.id) ?? 0));
    this.logger.debug('search', { collection, k, stages: stages.map(describeStage), hits: hits.length });
    return {
      hits,
      trace: { query, k, candidates, ...(fusion ? { rrfK: this.rrfK } : {}), stages, hits: explainHits(hits, stages) },
    };
  }

  private fuse(stages: readonly RetrievalStage[]): ScoredChunkId[] {
    const lists = stages.map((stage) => ({ results: toScored(stage), weight: this.weights[stage.name as 'lexical' | 'dense'] }));
    return reciprocalRankFusion(lists, { k: this.rrfK });
  }
}

function toScored(stage: RetrievalStage): ScoredChunkId[] {
  return stage.candidates.map(({ chunkId, score }) => ({ chunkId, score }));
}

function describeStage(stage: RetrievalStage): { name: RetrievalStageName; results: number; skipped?: string } {
  return stage.skipped === undefined ? { name: stage.name, results: stage.candidates.length } : { name: stage.name, results: 0, skipped: stage.skipped };
}
