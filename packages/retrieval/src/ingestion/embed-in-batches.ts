import { AndesError, type EmbeddingModel } from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';

/**
 * Embeds passages `batchSize` at a time (so a huge document neither builds one giant batch nor ignores a
 * cancel for long), checking the signal between batches. Returns one vector per text, in order.
 *
 * @throws AndesError `aborted`; `model_error` when the model returns the wrong number of vectors.
 */
export async function embedInBatches(
  model: EmbeddingModel,
  texts: readonly string[],
  options: { batchSize: number; signal?: AbortSignal },
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += options.batchSize) {
    throwIfAborted(options.signal);
    const batch = texts.slice(start, start + options.batchSize);
    const embedded = await model.embedDocuments(batch, options.signal ? { signal: options.signal } : {});
    if (embedded.length !== batch.length) {
      throw new AndesError(
        'model_error',
        `Embedding model ${model.id} returned ${embedded.length} vectors for ${batch.length} texts.`,
      );
    }
    vectors.push(...embedded);
  }
  return vectors;
}
