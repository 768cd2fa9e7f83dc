import { Router } from 'express';
import { AndesError } from '@andes-rag/core';
import { z } from 'zod';
import { abortOnDisconnect } from '../../http/abort-on-disconnect.js';
import { parseOpenAiInput } from './openai-input.js';
import { serviceFor } from '../../security/request-caller.js';

/** The body of `POST /v1/embeddings`. */
export const embeddingsBodySchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  dimensions: z.number().int().positive().nullish(),
});

/** A vector as OpenAI's `base64` encoding sends it: the float32 values' little-endian bytes. */
export function vectorToBase64(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

/**
 * `POST /embeddings` (under `/v1`): OpenAI's embeddings with the configured embedding model (its id is the
 * `model`), `encoding_format` `float` or `base64` (the `openai` package asks for base64 by default). Token arrays
 * as input and `dimensions` other than the model's are refused with 400.
 */
export function createEmbeddingsRoute(): Router {
  const router = Router();
  router.post('/embeddings', async (request, response) => {
    const body = parseOpenAiInput(embeddingsBodySchema, request.body);
    const input = typeof body.input === 'string' ? [body.input] : body.input;
    if (!input.every((item): item is string => typeof item === 'string')) {
      throw new AndesError('invalid_request', 'Andes embeds text: send strings, not token arrays.', {
        details: { param: 'input' },
      });
    }
    const result = await serviceFor(response).embed({ model: body.model, input, signal: abortOnDisconnect(response) });
    const dimensions = result.vectors[0]?.length ?? 0;
    if (body.dimensions != null && body.dimensions !== dimensions) {
      throw new AndesError(
        'invalid_request',
        `The model's vectors have ${dimensions} dimensions; it cannot shorten them.`,
        {
          details: { param: 'dimensions' },
        },
      );
    }
    const encode = body.encoding_format === 'base64' ? vectorToBase64 : (vector: Float32Array) => Array.from(vector);
    response.json({
      object: 'list',
      data: result.vectors.map((vector, index) => ({ object: 'embedding', index, embedding: encode(vector) })),
      model: result.model,
      usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens },
    });
  });
  return router;
}
