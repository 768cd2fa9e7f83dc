import type { AddressInfo } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Express } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@andes-rag/runtime';
import { createApp } from '../app/create-app.js';
import { FakeAndesService } from '../testing/fake-andes-service.js';
import { apiOperations } from './api-operations.js';

interface RouterLayer {
  rawPath?: string;
  slash?: boolean;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
}

/** Every `METHOD path` the app really routes, read from Express's router (mount paths included). */
function registeredRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (layers: RouterLayer[], prefix: string) => {
    for (const layer of layers) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, layer.slash ? prefix : `${prefix}${layer.rawPath ?? ''}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return routes.sort();
}

describe('OpenAPI document', () => {
  const config = loadConfig({ dataDir: '/tmp/andes-openapi-test' }, {});
  const app = createApp({ service: new FakeAndesService(), config, logger: pino({ level: 'silent' }) });
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('describes exactly the routes the app registers', () => {
    const described = apiOperations(config)
      .map((operation) => `${operation.method} ${operation.path}`)
      .sort();
    expect(described).toEqual(registeredRoutes(app));
  });

  it('is a valid OpenAPI 3.1 document whose bodies carry the limits the routes check', async () => {
    const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as Record<string, unknown>;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    /** Reads `document` along `keys` (an OpenAPI document is nested JSON). */
    const at = (...keys: string[]): unknown =>
      keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
    const jsonBody = (path: string, method: string) =>
      at('paths', path, method, 'requestBody', 'content', 'application/json', 'schema') as {
        required: string[];
        properties: Record<string, { maxLength?: number }>;
      };
    expect(jsonBody('/api/ask', 'post').required).toEqual(['question']);
    expect(jsonBody('/api/ask', 'post').properties['question']?.maxLength).toBe(config.maxQuestionChars);
    expect(at('paths', '/api/collections/{name}/documents', 'post', 'requestBody', 'content')).toHaveProperty(
      'multipart/form-data',
    );
    expect(jsonBody('/v1/chat/completions', 'post').required).toContain('messages');
  });

  it('serves a readable page under the same strict CSP, with no script', async () => {
    const response = await fetch(`${url}/api/docs`);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const page = await response.text();
    expect(page).toContain('<code>POST /api/ask</code>');
    expect(page).not.toMatch(/<script|<style/i);
  });
});
