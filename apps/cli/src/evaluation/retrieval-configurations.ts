import type { RetrievalConfiguration, SkippedConfiguration } from '@andes-rag/evaluation';
import type { AndesRuntime, EvaluationAccess, RetrieverVariantOptions } from '@andes-rag/runtime';

/** What {@link retrievalConfigurations} builds from. */
export interface RetrievalConfigurationsOptions {
  runtime: AndesRuntime;
  access: EvaluationAccess;
  collection: string;
  /** Chunks to retrieve per question. */
  chunks: number;
  /** Add the comparison variants (BM25, dense, hybrid RRF, reranked) after the default. */
  compare: boolean;
}

type Configuration = RetrievalConfiguration | SkippedConfiguration;

/**
 * The configurations `andes eval` runs: `default` (exactly what `andes search` and `GET /api/search` do) first, as
 * the baseline; with `compare`, BM25 alone, dense alone, hybrid RRF, and BM25 and hybrid reranked by the configured
 * cross-encoder, all on the same store. A variant whose model is missing (no embedding model or no vectors in the
 * collection, no reranker) is listed as skipped with the reason.
 */
export async function retrievalConfigurations(options: RetrievalConfigurationsOptions): Promise<Configuration[]> {
  const { runtime, access, collection, chunks } = options;
  const configurations: Configuration[] = [
    {
      name: 'default',
      description: 'the configured retrieval, as andes search runs it',
      retrieve: (question) => runtime.search({ collection, query: question, k: chunks }),
    },
  ];
  if (!options.compare) return configurations;
  const variant = (
    name: string,
    description: string,
    retriever: ReturnType<EvaluationAccess['retrieverFor']>,
  ): Configuration => ({
    name,
    description,
    retrieve: (question) => retriever.search(collection, question, { k: chunks }),
  });
  configurations.push(variant('bm25', 'BM25 only (SQLite FTS5)', access.retrieverFor({ dense: false })));
  const denseProblem = await denseUnavailable(access, collection);
  const { reranker } = access;
  const rerankProblem = reranker ? undefined : 'no reranker configured, see ANDES_RERANK_MODEL';
  const add = (
    name: string,
    description: string,
    problem: string | undefined,
    options: () => RetrieverVariantOptions,
  ) => {
    configurations.push(
      problem ? { name, description, skipped: problem } : variant(name, description, access.retrieverFor(options())),
    );
  };
  add('dense', 'embeddings only', denseProblem, () => ({ lexical: false }));
  add('hybrid-rrf', 'BM25 + dense by reciprocal rank fusion', denseProblem, () => ({}));
  add('bm25+rerank', 'BM25, best candidates reranked by the cross-encoder', rerankProblem, () => ({
    dense: false,
    ...(reranker ? { reranker } : {}),
  }));
  add('hybrid-rrf+rerank', 'hybrid RRF, best candidates reranked', denseProblem ?? rerankProblem, () =>
    reranker ? { reranker } : {},
  );
  return configurations;
}

async function denseUnavailable(access: EvaluationAccess, collection: string): Promise<string | undefined> {
  const model = access.embeddingModel;
  if (!model) return 'no embedding model configured, see --embedding-model';
  const info = await access.getCollection(collection);
  if (info?.embeddingDimensions === undefined) return 'the collection has no embeddings';
  if (info.embeddingModel !== undefined && info.embeddingModel !== model.id) {
    return `the collection was embedded with ${info.embeddingModel}, not ${model.id}`;
  }
  return undefined;
}
