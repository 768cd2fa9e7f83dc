import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { AndesConfig } from '@andes-rag/runtime';
import { apiOperations } from './api-operations.js';
import { openApiDocument } from './openapi-document.js';
import { openApiPage } from './openapi-page.js';

/** The server package's version (`dist/openapi` and `src/openapi` are two levels below the package root). */
function serverVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of the API, built from the zod schemas the routes validate with;
 * `GET /api/docs`: the same as a readable page. Under `/api`, so a key is needed when keys are on.
 */
export function createOpenApiRoutes(config: Pick<AndesConfig, 'maxQuestionChars'>): Router {
  const document = openApiDocument(apiOperations(config), serverVersion());
  const page = openApiPage(document);
  const router = Router();
  router.get('/api/openapi.json', (_request, response) => {
    response.json(document);
  });
  router.get('/api/docs', (_request, response) => {
    response.type('text/html; charset=utf-8').send(page);
  });
  return router;
}
