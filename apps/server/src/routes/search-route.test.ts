import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hit } from '@andes-rag/core';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

describe('GET /api/search', () => {
  let server: TestServer;
  const search = (query: string) => fetch(`${server.url}/api/search?${query}`);
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('returns hits, best first, 10 by default from the default collection', async () => {
    const response = await search('q=laptop%20policy');
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as { hits: Hit[] };
    expect(hits).toHaveLength(10);
    expect(hits[0]).toMatchObject({
      chunkId: 'chunk-0',
      source: 'handbook/onboarding.md',
      text: 'Passage 0 about laptop policy',
    });
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
  });

  it('honours k and collection', async () => {
    const { hits } = (await (await search('collection=default&q=vpn&k=3')).json()) as { hits: Hit[] };
    expect(hits).toHaveLength(3);
  });

  it.each([
    ['no query', 'k=3'],
    ['an empty query', 'q='],
    ['a whitespace query', 'q=%20%20'],
    ['a query over maxQuestionChars', `q=${'a'.repeat(201)}`],
    ['k of 0', 'q=vpn&k=0'],
    ['k over 100', 'q=vpn&k=101'],
    ['a fractional k', 'q=vpn&k=2.5'],
    ['a k that is no number', 'q=vpn&k=ten'],
    ['a repeated q', 'q=a&q=b'],
  ])('rejects %s with 400', async (_case, query) => {
    const body = await expectErrorResponse(await search(query), 400, 'invalid_request');
    expect(body.error.details).toEqual({ problems: expect.any(Array) });
  });

  it('passes a source prefix and document types (extensions or media types) as a filter', async () => {
    const response = await search('q=vpn&sourcePrefix=it%2F&type=md,text%2Fhtml&type=txt');
    expect(response.status).toBe(200);
    expect(server.service.searchCalls[0]).toEqual({
      collection: 'default',
      query: 'vpn',
      k: 10,
      filter: { sourcePrefix: 'it/', mediaTypes: ['text/markdown', 'text/html', 'text/plain'] },
    });
  });

  it('passes tags, repeated or comma-separated, as an any-of filter', async () => {
    const response = await search('q=vpn&tag=hr,%20it&tag=policy');
    expect(response.status).toBe(200);
    expect(server.service.searchCalls[0]).toEqual({
      collection: 'default',
      query: 'vpn',
      k: 10,
      filter: { tags: ['hr', 'it', 'policy'] },
    });
  });

  it('returns the trace with explain=1', async () => {
    const body = (await (await search('q=vpn&k=2&explain=1')).json()) as {
      hits: Hit[];
      trace: { k: number; stages: unknown[]; hits: unknown[] };
    };
    expect(body.hits).toHaveLength(2);
    expect(body.trace).toMatchObject({ query: 'vpn', k: 2, threshold: { covered: true } });
    expect(body.trace.hits).toHaveLength(2);
    const plain = (await (await search('q=vpn&k=2&explain=0')).json()) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['hits']);
  });

  it.each([
    ['an unknown document type', 'q=vpn&type=exe'],
    ['an empty source prefix', 'q=vpn&sourcePrefix='],
    ['an explain flag that is no flag', 'q=vpn&explain=maybe'],
  ])('rejects %s with 400', async (_case, query) => {
    await expectErrorResponse(await search(query), 400, 'invalid_request');
  });

  it('answers 404 for an unknown collection', async () => {
    await expectErrorResponse(await search('collection=nope&q=vpn'), 404, 'collection_not_found');
  });
});
