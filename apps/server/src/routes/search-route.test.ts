import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hit } from '@andes/core';
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
    expect(hits[0]).toMatchObject({ chunkId: 'chunk-0', source: 'handbook/onboarding.md', text: 'Passage 0 about laptop policy' });
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

  it('answers 404 for an unknown collection', async () => {
    await expectErrorResponse(await search('collection=nope&q=vpn'), 404, 'collection_not_found');
  });
});
