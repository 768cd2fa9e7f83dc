import type { DocumentWrite, EmbeddingModel } from '@andes-rag/core';
import { chunkIndexText } from '../chunking/chunk-index-text.js';
import { embedInBatches } from './embed-in-batches.js';

/**
 * The second step of {@link ingestDocument}: the write with one vector per chunk (title + heading path + text, see
 * {@link chunkIndexText}) and the model's id, when an embedding model is given and the write has chunks; else the
 * write as it is.
 *
 * @throws AndesError `aborted`, `model_error`.
 */
export async function embedWrite(
  write: DocumentWrite,
  options: { embeddingModel?: EmbeddingModel; embeddingBatchSize?: number; signal?: AbortSignal },
): Promise<DocumentWrite> {
  const model = options.embeddingModel;
  if (!model || write.chunks.length === 0) return write;
  const title = write.document.title;
  const texts = write.chunks.map((chunk) =>
    chunkIndexText({ title, headingPath: chunk.headingPath, text: chunk.text }),
  );
  const embeddings = await embedInBatches(model, texts, {
    batchSize: options.embeddingBatchSize ?? 32,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...write, embeddings, embeddingModel: model.id };
}
