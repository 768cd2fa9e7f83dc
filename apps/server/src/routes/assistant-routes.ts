import { Router } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { assistantDefinitionSchema, assistantNameSchema, parseAssistantDefinition } from '@andes-rag/runtime';
import { parseInput } from '../http/parse-input.js';
import { serviceFor } from '../security/request-caller.js';

/** The body of `POST /api/assistants/:name/release`. */
export const assistantReleaseSchema = z.object({ version: z.number().int().min(1) }).strict();
const releaseSchema = assistantReleaseSchema;
/** The body of `POST /api/assistants`: a definition and its name. */
export const assistantCreateSchema = assistantDefinitionSchema.extend({ name: assistantNameSchema });

/**
 * Versioned assistants. Every change makes a new immutable version; version 1 is live from creation, later
 * versions only once released (so they can be evaluated first), and releasing an older one rolls back:
 * - `POST /api/assistants {name, ...definition}` → 201 the assistant (`version: 1`)
 * - `PUT /api/assistants/:name {...definition}` → 201 the new version (not live)
 * - `GET /api/assistants`, `GET /api/assistants/:name`, `GET /api/assistants/:name/versions`
 * - `POST /api/assistants/:name/release {version}` → the assistant with that version live
 * - `DELETE /api/assistants/:name` → 204
 * Definitions: `assistantDefinitionSchema` in `@andes-rag/runtime` (unknown fields are refused).
 */
export function createAssistantRoutes(): Router {
  const createSchema = assistantCreateSchema;
  const router = Router();

  router.post('/api/assistants', async (request, response) => {
    requireJson(request.is('application/json'));
    const { name, ...definition } = parseInput(createSchema, request.body, 'body');
    const created = await serviceFor(response).createAssistant(name, parseAssistantDefinition(definition));
    response.status(201).json(assistantView(created));
  });
  router.put('/api/assistants/:name', async (request, response) => {
    requireJson(request.is('application/json'));
    const name = parseInput(assistantNameSchema, request.params.name, 'name');
    const definition = parseInput(assistantDefinitionSchema, request.body, 'body');
    response.status(201).json(await serviceFor(response).updateAssistant(name, parseAssistantDefinition(definition)));
  });
  router.get('/api/assistants', async (_request, response) => {
    response.json({ assistants: (await serviceFor(response).listAssistants()).map(assistantView) });
  });
  router.get('/api/assistants/:name', async (request, response) => {
    response.json(
      assistantView(
        await serviceFor(response).getAssistant(parseInput(assistantNameSchema, request.params.name, 'name')),
      ),
    );
  });
  router.get('/api/assistants/:name/versions', async (request, response) => {
    const name = parseInput(assistantNameSchema, request.params.name, 'name');
    response.json({ versions: await serviceFor(response).listAssistantVersions(name) });
  });
  router.post('/api/assistants/:name/release', async (request, response) => {
    requireJson(request.is('application/json'));
    const name = parseInput(assistantNameSchema, request.params.name, 'name');
    const { version } = parseInput(releaseSchema, request.body, 'body');
    response.json(assistantView(await serviceFor(response).releaseAssistant(name, version)));
  });
  router.delete('/api/assistants/:name', async (request, response) => {
    await serviceFor(response).deleteAssistant(parseInput(assistantNameSchema, request.params.name, 'name'));
    response.status(204).end();
  });
  return router;
}

/** An assistant as the API shows it: the live version's definition at the top, with `version` the live one. */
function assistantView(
  record: Awaited<ReturnType<ReturnType<typeof serviceFor>['getAssistant']>>,
): Record<string, unknown> {
  const { live, ...rest } = record;
  return { ...live, ...rest, version: record.liveVersion };
}

function requireJson(isJson: string | false | null): void {
  if (isJson === false)
    throw new AndesError('invalid_request', 'This route takes a JSON body (Content-Type: application/json).');
}
