import { Router } from 'express';
import type { ServedModel } from '@andes-rag/runtime';
import { serviceFor } from '../../security/request-caller.js';

/**
 * `GET /models` (under `/v1`) of an inference-only server: OpenAI's model list with `andes_kind` (`chat` |
 * `embedding`) and, for chat models, `max_model_len` (the context window per request, named as vLLM names it), so
 * an Andes API server pointed here (`ANDES_INFERENCE_URL`) budgets its prompts to the served context.
 * Mount it before `createOpenAiRoutes`, whose own `/models` it replaces.
 */
export function createInferenceModelsRoute(): Router {
  const created = Math.floor(Date.now() / 1000);
  const toModel = (model: ServedModel) => ({
    id: model.id,
    object: 'model' as const,
    created,
    owned_by: 'andes',
    andes_kind: model.kind,
    ...(model.contextSize === undefined ? {} : { max_model_len: model.contextSize }),
  });
  const router = Router();
  router.get('/models', async (_request, response) => {
    response.json({ object: 'list', data: (await serviceFor(response).models()).map(toModel) });
  });
  return router;
}
