import { createHash } from 'node:crypto';
import type { EmbeddingModel } from '@andes-rag/core';
import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';

/** What {@link fillStore} puts in: one chunk of real text and one vector per entry. */
export interface ScaleCorpus {
  chunks: Array<{ source: string; text: string }>;
  vectors: readonly Float32Array[];
  /** The embedding model id to tag the vectors with. */
  model: string;
}

/**
 * Writes the corpus into `store` as documents of `chunksPerDocument` chunks each (document text = the chunks joined
 * by blank lines, offsets exact), with their vectors. Returns the elapsed milliseconds.
 */
export async function fillStore(
  store: SqliteKnowledgeStore,
  collection: string,
  corpus: ScaleCorpus,
  chunksPerDocument = 100,
  /** The access list of the document at this position (0, 1, ...); undefined for none. Default: none. */
  accessOf: (documentPosition: number) => string[] | undefined = () => undefined,
): Promise<number> {
  const started = performance.now();
  for (let first = 0; first < corpus.chunks.length; first += chunksPerDocument) {
    const pieces = corpus.chunks.slice(first, first + chunksPerDocument);
    let offset = 0;
    const chunks = pieces.map((piece, index) => {
      const chunk = {
        index,
        text: piece.text,
        headingPath: [],
        startOffset: offset,
        endOffset: offset + piece.text.length,
      };
      offset += piece.text.length + 2;
      return chunk;
    });
    const text = pieces.map((piece) => piece.text).join('\n\n');
    await store.putDocument({
      collection,
      document: {
        source: `windows/${String(first / chunksPerDocument).padStart(5, '0')}-${pieces[0]?.source ?? ''}`,
        title: pieces[0]?.source.replace(/\.txt$/, '') ?? '',
        mediaType: 'text/plain',
        text,
        contentHash: createHash('sha256').update(text).digest('hex'),
        ...(accessOf(first / chunksPerDocument) === undefined
          ? {}
          : { access: accessOf(first / chunksPerDocument) as string[] }),
      },
      chunks,
      embeddings: corpus.vectors.slice(first, first + chunksPerDocument) as Float32Array[],
      embeddingModel: corpus.model,
    });
  }
  return performance.now() - started;
}

/**
 * An EmbeddingModel for the benchmark only: it returns pre-computed query vectors (derived from real MiniLM vectors)
 * for the benchmark's query strings, so the hybrid search path runs without loading a model.
 */
export function precomputedQueryModel(
  id: string,
  queries: ReadonlyMap<string, Float32Array>,
  dimensions: number,
): EmbeddingModel {
  return {
    id,
    dimensions,
    embedDocuments: async () => {
      throw new Error('the benchmark embeds no documents');
    },
    embedQuery: async (text) => {
      const vector = queries.get(text);
      if (!vector) throw new Error(`no pre-computed vector for "${text}"`);
      return vector;
    },
    dispose: async () => {},
  };
}
