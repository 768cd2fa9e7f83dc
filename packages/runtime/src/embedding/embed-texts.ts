import { AndesError, type EmbeddingModel } from '@andes-rag/core';
import { maxEmbeddingInputs } from '../limits/request-limits.js';
import { withDeadline } from '../limits/with-deadline.js';
import { unknownModelError } from '../served-models/unknown-model-error.js';
import type { EmbedRequest, EmbedResult } from './embed-request.js';

/** What {@link embedTexts} needs. */
export interface EmbedTextsParts {
  embeddingModel: EmbeddingModel | undefined;
  /** Longest a request may take (`config.requestTimeoutMs`). */
  timeoutMs: number;
}

/**
 * Embeds texts as documents (with the model's document prefix, if it has one), so the vectors match the ones
 * Andes stores for its chunks.
 *
 * @throws AndesError `not_found` when `model` is not the configured embedding model (or none is configured),
 *   `invalid_request` for no input, an empty text or more than {@link maxEmbeddingInputs} texts, `timeout`, `aborted`.
 */
export async function embedTexts(
  { embeddingModel, timeoutMs }: EmbedTextsParts,
  request: EmbedRequest,
): Promise<EmbedResult> {
  if (embeddingModel === undefined || request.model !== embeddingModel.id) throw unknownModelError(request.model);
  const { input } = request;
  if (input.length === 0 || input.length > maxEmbeddingInputs) {
    throw new AndesError('invalid_request', `Send 1 to ${maxEmbeddingInputs} texts to embed, not ${input.length}.`, {
      details: { param: 'input' },
    });
  }
  if (input.some((text) => text.trim() === '')) {
    throw new AndesError('invalid_request', 'Texts to embed must not be empty.', { details: { param: 'input' } });
  }
  const vectors = await withDeadline(timeoutMs, request.signal, (signal) =>
    embeddingModel.embedDocuments(input, { signal }),
  );
  const promptTokens = input.reduce((sum, text) => sum + (embeddingModel.countTokens?.(text) ?? 0), 0);
  return { model: embeddingModel.id, vectors, promptTokens };
}
