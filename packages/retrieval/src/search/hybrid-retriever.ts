import {
  AndesError,
  noopLogger,
  type ChatMessage,
  type Chunk,
  type ChunkFilter,
  type EmbeddingModel,
  type Hit,
  type KnowledgeStore,
  type Logger,
  type Reranker,
  type ScoredChunkId,
} from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import { defaultRrfK, reciprocalRankFusion } from '../fusion/reciprocal-rank-fusion.js';
import { defaultRerankCandidates, rerankChunks } from '../reranking/rerank-chunks.js';
import type { QueryRewrite, QueryRewriter } from '../rewriting/query-rewriter.js';
import { chunkToHit } from './chunk-to-hit.js';
import { denseSkipReason } from './dense-skip-reason.js';
import { defaultDocumentBoost, documentAwareRanking } from './document-aware-ranking.js';
import { judgeRelevance, type RelevanceThresholdOptions } from './relevance/relevance-threshold.js';
import type { ExplainedSearch, RetrievalStage, RetrievalStageName } from './retrieval-trace.js';
import { explainHits, timedStage } from './retrieval-stages.js';
import { runRetrievers, searchTexts } from './run-retrievers.js';

/** How a {@link HybridRetriever} searches. */
export interface HybridRetrieverOptions {
  /** Where the chunks and their indexes live. */
  store: KnowledgeStore;
  /**
   * Turns on dense retrieval, fused with BM25. Leave unset unless a real embedding model is configured: a weak
   * dense signal makes fusion worse than BM25 alone (measured on averaged GloVe vectors). Default: none (BM25 only).
   */
  embeddingModel?: EmbeddingModel;
  /** The reciprocal rank fusion constant. Default 60 (see {@link reciprocalRankFusion}). */
  rrfK?: number;
  /** How many results each retriever contributes before fusion. Default `max(4 × k, 40)`, and never below k. */
  candidates?: number;
  /** Weight of the BM25 lists in fusion. Default 1. */
  lexicalWeight?: number;
  /** Weight of the dense lists in fusion. Default 1. */
  denseWeight?: number;
  /** Run BM25. Set false to search by embeddings only (needs `embeddingModel`), e.g. to compare. Default true. */
  lexical?: boolean;
  /**
   * Document-aware ranking before reranking: a candidate's score gains this weight × the best score of another
   * chunk of the same document among the candidates (see {@link documentAwareRanking}). 0 turns it off.
   * Default {@link defaultDocumentBoost} (0.3, measured on the evaluation sets of `test/eval`).
   */
  documentBoost?: number;
  /** A cross-encoder that reorders the best fused candidates. Default: none. */
  reranker?: Reranker;
  /** How many of the best fused candidates the reranker reads. Default 20, never below k. */
  rerankCandidates?: number;
  /** When a search counts as covering the question. Default: term coverage of at least `defaultMinTermCoverage`. */
  relevance?: RelevanceThresholdOptions;
  /** Rewrites the question with a chat model before searching (condensation, multi-query, HyDE). Default: none. */
  rewriter?: QueryRewriter;
  /** Receives debug lines. Default: {@link noopLogger}. */
  logger?: Logger;
}

/** One search. */
export interface RetrieverSearchOptions {
  /** How many hits at most; a positive integer. */
  k: number;
  /** Applied inside each retriever, before ranking. */
  filter?: ChunkFilter;
  /** Earlier turns of the conversation, oldest first: a rewriter condenses a follow-up with them. Default none. */
  history?: readonly ChatMessage[];
  /** Cancels the search (AndesError `aborted`). */
  signal?: AbortSignal;
  /**
   * A rewrite already made for this question with {@link HybridRetriever.rewriteQuery}, used instead of rewriting
   * again (a search over several collections rewrites once). Default: rewrite here when a rewriter is configured.
   */
  rewrite?: QueryRewrite;
}

/**
 * Hybrid search over one collection: optional query rewriting; BM25 always; dense retrieval when an embedding
 * model is configured and the collection holds vectors from it; every list fused by reciprocal rank fusion; an
 * optional cross-encoder reranking the best fused candidates; then a relevance threshold that decides whether the
 * collection covers the question at all. Scores are higher-better: BM25 alone, cosine alone, RRF when fused, the
 * reranker's probability when reranked.
 */
export class HybridRetriever {
  private readonly options: HybridRetrieverOptions;
  private readonly rrfK: number;
  private readonly weights: Record<'lexical' | 'dense', number>;
  private readonly documentBoost: number;
  private readonly logger: Logger;

  constructor(options: HybridRetrieverOptions) {
    if (options.lexical === false && options.embeddingModel === undefined) {
      throw new AndesError('invalid_request', 'A retriever without BM25 needs an embedding model.');
    }
    this.options = options;
    this.rrfK = options.rrfK ?? defaultRrfK;
    this.weights = { lexical: options.lexicalWeight ?? 1, dense: options.denseWeight ?? 1 };
    this.documentBoost = options.documentBoost ?? defaultDocumentBoost;
    if (!(this.documentBoost >= 0))
      throw new AndesError('invalid_request', `documentBoost must be 0 or more, got ${this.documentBoost}.`);
    this.logger = options.logger ?? noopLogger;
  }

  /**
   * The best `k` chunks for `query`, best first.
   * @throws AndesError `collection_not_found`, `invalid_request` (blank query, bad k), `aborted`.
   */
  async search(collection: string, query: string, options: RetrieverSearchOptions): Promise<Hit[]> {
    return (await this.explain(collection, query, options)).hits;
  }

  /** Like {@link search}, with a trace of every stage's ranks and scores and the relevance verdict (`covered`). */
  async explain(collection: string, query: string, options: RetrieverSearchOptions): Promise<ExplainedSearch> {
    const { k, signal } = options;
    const { store, reranker } = this.options;
    if (query.trim() === '') throw new AndesError('invalid_request', 'The query is empty.');
    if (!Number.isInteger(k) || k < 1)
      throw new AndesError('invalid_request', `k must be a positive integer, got ${k}.`);
    throwIfAborted(signal);
    const info = await store.getCollection(collection);
    if (!info)
      throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, {
        details: { collection },
      });

    const rewrite = options.rewrite ?? (await this.rewriteQuery(query, options));
    const searchQuery = rewrite?.query ?? query;
    const candidates = Math.max(k, this.options.candidates ?? Math.max(4 * k, 40));
    const stages = await runRetrievers(
      {
        store,
        collection,
        lexical: this.options.lexical ?? true,
        embeddingModel: this.options.embeddingModel,
        denseSkipped: denseSkipReason(info, this.options.embeddingModel, this.logger),
        storeOptions: options.filter ? { k: candidates, filter: options.filter } : { k: candidates },
        signal,
      },
      searchTexts(searchQuery, rewrite),
    );
    const ran = stages.filter((stage) => stage.skipped === undefined);
    const fusion = ran.length > 1 ? await timedStage('fusion', undefined, async () => this.fuse(ran)) : undefined;
    if (fusion) stages.push(fusion);

    const chunks = new Map<string, Chunk>();
    const document = await this.rankByDocument(collection, fusion ?? ran[0], chunks);
    if (document) stages.push(document);
    const fused = document ?? fusion ?? ran[0];
    const rerankCandidates = Math.max(k, this.options.rerankCandidates ?? defaultRerankCandidates);
    let rerank: RetrievalStage | undefined;
    if (reranker && fused && fused.candidates.length > 0) {
      const pool = await this.hydrate(collection, fused.candidates.slice(0, rerankCandidates), chunks);
      rerank = await timedStage('rerank', undefined, () => rerankChunks(reranker, searchQuery, pool, signal));
      stages.push(rerank);
    }
    const top = ((rerank ?? fused)?.candidates ?? []).slice(0, k);
    const scores = new Map(top.map((candidate) => [candidate.chunkId, candidate.score]));
    const hits = (await this.hydrate(collection, top, chunks)).map((chunk) =>
      chunkToHit(chunk, scores.get(chunk.id) ?? 0),
    );
    // With a reranker configured but nothing to rerank, an empty map keeps the reranker's threshold in charge.
    const rerankScores = reranker
      ? new Map((rerank?.candidates ?? []).map((candidate) => [candidate.chunkId, candidate.score]))
      : undefined;
    // Coverage is judged over the hits and, when document-aware ranking reordered them, the first ranking's top k
    // too: reordering must not turn a covered question into an uncovered one (the threshold was measured on it).
    const firstTop = document
      ? await this.hydrate(collection, (fusion ?? ran[0])?.candidates.slice(0, k) ?? [], chunks)
      : [];
    const returned = new Set(hits.map((hit) => hit.chunkId));
    const judged = [
      ...hits,
      ...firstTop.filter((chunk) => !returned.has(chunk.id)).map((chunk) => chunkToHit(chunk, 0)),
    ];
    const { decision, relevance } = judgeRelevance(searchQuery, judged, rerankScores, this.options.relevance);
    this.logger.debug('search', {
      collection,
      k,
      stages: stages.map(describeStage),
      hits: hits.length,
      covered: decision.covered,
    });
    return {
      hits,
      covered: decision.covered,
      trace: {
        query,
        k,
        candidates,
        ...(fusion ? { rrfK: this.rrfK } : {}),
        ...(document ? { documentBoost: this.documentBoost } : {}),
        ...(rerank ? { rerankCandidates } : {}),
        ...(rewrite ? { rewrite } : {}),
        stages,
        threshold: decision,
        hits: explainHits(hits, stages, relevance),
      },
    };
  }

  /**
   * What the configured rewriter makes of `query` (a condensed follow-up with `history`, alternatives, HyDE), or
   * undefined without a rewriter. @throws AndesError `aborted`.
   */
  async rewriteQuery(
    query: string,
    options: Pick<RetrieverSearchOptions, 'history' | 'signal'>,
  ): Promise<QueryRewrite | undefined> {
    if (!this.options.rewriter) return undefined;
    const rewrite = await this.options.rewriter.rewrite(query, {
      ...(options.history ? { history: options.history } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    throwIfAborted(options.signal);
    return rewrite;
  }

  /** The stored chunks for these candidates, in their order, fetching only those not already in `known`. */
  private async hydrate(
    collection: string,
    candidates: readonly { chunkId: string }[],
    known: Map<string, Chunk>,
  ): Promise<Chunk[]> {
    const missing = candidates.map((candidate) => candidate.chunkId).filter((chunkId) => !known.has(chunkId));
    if (missing.length > 0)
      for (const chunk of await this.options.store.getChunks(collection, missing)) known.set(chunk.id, chunk);
    return candidates.flatMap((candidate) => known.get(candidate.chunkId) ?? []);
  }

  /** The document-aware stage over `ranked`'s candidates, or undefined when it is off or has nothing to do. */
  private async rankByDocument(
    collection: string,
    ranked: RetrievalStage | undefined,
    chunks: Map<string, Chunk>,
  ): Promise<RetrievalStage | undefined> {
    if (this.documentBoost === 0 || ranked === undefined || ranked.candidates.length < 2) return undefined;
    await this.hydrate(collection, ranked.candidates, chunks);
    return timedStage('document', undefined, async () =>
      documentAwareRanking(toScored(ranked), (chunkId) => chunks.get(chunkId)?.documentId, this.documentBoost),
    );
  }

  private fuse(stages: readonly RetrievalStage[]): ScoredChunkId[] {
    const lists = stages.map((stage) => ({
      results: toScored(stage),
      weight: this.weights[stage.name as 'lexical' | 'dense'],
    }));
    return reciprocalRankFusion(lists, { k: this.rrfK });
  }
}

function toScored(stage: RetrievalStage): ScoredChunkId[] {
  return stage.candidates.map(({ chunkId, score }) => ({ chunkId, score }));
}

function describeStage(stage: RetrievalStage): { name: RetrievalStageName; results: number; skipped?: string } {
  return stage.skipped === undefined
    ? { name: stage.name, results: stage.candidates.length }
    : { name: stage.name, results: 0, skipped: stage.skipped };
}
