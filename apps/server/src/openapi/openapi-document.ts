import { z } from 'zod';
import type { ApiOperation } from './api-operation.js';

/** An OpenAPI 3.1 document (only the parts Andes writes). */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
};

/** The error body every 4xx and 5xx carries. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('An AndesError code, e.g. invalid_request, not_found, queue_full'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const errorResponses: Record<string, string> = {
  '400': 'invalid_request: the message names the bad field',
  '401': 'unauthorized: no key or a wrong key (when keys are on)',
  '403': "forbidden: the key's role may not do this, or a cross-site write",
  '404': 'not found, or not visible to this key',
  '429': 'rate limited or queue full; see Retry-After',
  '503': 'not_ready while loading',
};

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a caller may send: zod's input side. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

function parameters(operation: ApiOperation): unknown[] {
  const names = [...operation.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const pathShape = operation.params?.shape ?? {};
  const inPath = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: name in pathShape ? jsonSchema(pathShape[name] as z.ZodType) : { type: 'string' },
  }));
  const queryShape = operation.query?.shape ?? {};
  const queryRequired = new Set((operation.query ? jsonSchema(operation.query)['required'] : undefined) as string[]);
  const inQuery = Object.entries(queryShape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: queryRequired.has(name),
    schema: jsonSchema(schema as z.ZodType),
  }));
  return [...inPath, ...inQuery];
}

function requestBody(operation: ApiOperation): unknown {
  if (!operation.body) return undefined;
  if (operation.multipart) {
    const fields = jsonSchema(operation.body) as { properties?: Record<string, unknown> };
    const schema = {
      type: 'object',
      required: ['files'],
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } }, ...fields.properties },
    };
    return { required: true, content: { 'multipart/form-data': { schema } } };
  }
  return { required: true, content: { 'application/json': { schema: jsonSchema(operation.body) } } };
}

function responses(operation: ApiOperation): Record<string, unknown> {
  const success = Object.fromEntries(
    Object.entries(operation.responses).map(([status, description]) => {
      if (status === '204') return [status, { description }];
      const content: Record<string, unknown> = { 'application/json': {} };
      if (operation.streams) content['text/event-stream'] = {};
      return [status, { description, content }];
    }),
  );
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const errors = Object.fromEntries(
    Object.entries(errorResponses).map(([status, description]) => [status, { description, content: errorContent }]),
  );
  return { ...success, ...errors };
}

/** Builds the OpenAPI 3.1 document of `operations`. */
export function openApiDocument(operations: ApiOperation[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    const role = operation.role ? ` Needs a ${operation.role} key when keys are on.` : ' No key needed.';
    paths[path] = {
      ...paths[path],
      [operation.method]: {
        operationId: `${operation.method}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase())}`,
        tags: [operation.tag],
        summary: operation.summary,
        description: `${operation.summary}.${role}`,
        parameters: parameters(operation),
        ...(operation.body ? { requestBody: requestBody(operation) } : {}),
        responses: responses(operation),
        ...(operation.role ? {} : { security: [] }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Andes API',
      version,
      description:
        'Question answering over your own documents with Llama 3. Send keys as `Authorization: Bearer KEY`. ' +
        'Errors are `{"error": {"code", "message", "details"?}}`.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema) },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
    },
    ...{ security: [{ apiKey: [] }] },
  };
}
