import { Router } from 'express';
import { AndesError } from '@andes-rag/core';
import type { ServedModel } from '@andes-rag/runtime';
import { serviceFor } from '../../security/request-caller.js';

/**
 * `GET /models` and `GET /models/:id` (under `/v1`): OpenAI's model list, from `service.models()`: the chat model,
 * the embedding model and `andes:<collection>` for each collection. Each entry adds `andes_kind`
 * (`chat` | `embedding` | `collection`). `created` is when the server started.
 */
export function createModelsRoute(): Router {
  const created = Math.floor(Date.now() / 1000);
  const toModel = (model: ServedModel) => ({
    id: model.id,
    object: 'model' as const,
    created,
    owned_by: 'andes',
    andes_kind: model.kind,
  });
  const router = Router();
  router.get('/models', async (_request, response) => {
    response.json({ object: 'list', data: (await serviceFor(response).models()).map(toModel) });
  });
  router.get('/models/:id', async (request, response) => {
    const id = request.params.id;
    const model = (await serviceFor(response).models()).find((candidate) => candidate.id === id);
    if (model === undefined)
      throw new AndesError('not_found', `The model "${id}" does not exist.`, { details: { model: id } });
    response.json(toModel(model));
  });
  return router;
}
