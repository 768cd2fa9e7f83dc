import { describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { startTestServer } from '../testing/start-test-server.js';
import { assertBindAllowed } from './bind-policy.js';
import { isLoopbackHost, isWildcardHost } from './loopback-host.js';

describe('binding beyond loopback', () => {
  it.each(['0.0.0.0', '::', '192.0.2.2', 'andes.example'])('refuses %s without an admin key', (host) => {
    let thrown: unknown;
    try {
      assertBindAllowed(host, undefined);
    } catch (error) {
      thrown = error;
    }
    expect(AndesError.isInstance(thrown) && thrown.code).toBe('invalid_request');
    expect((thrown as Error).message).toContain('ANDES_ADMIN_KEY');
  });

  it.each(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])('allows %s without a key', (host) => {
    expect(() => assertBindAllowed(host, undefined)).not.toThrow();
  });

  it('tells loopback and wildcard hosts apart', () => {
    expect(['127.0.0.1', 'LOCALHOST', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '10.0.0.1', 'example.com', '::'].map(isLoopbackHost)).toEqual([false, false, false, false]);
    expect(['0.0.0.0', '::', '[::]', '127.0.0.1'].map(isWildcardHost)).toEqual([true, true, true, false]);
  });

  it('startServer refuses 0.0.0.0 without a key before listening, and lists every interface with one', async () => {
    await expect(startTestServer({ config: { host: '0.0.0.0' } })).rejects.toMatchObject({ code: 'invalid_request' });
    const server = await startTestServer({ config: { host: '0.0.0.0', adminKey: 'test-admin-key-0123456789' } });
    try {
      const port = new URL(server.url).port;
      expect(server.urls[0]).toBe(`http://127.0.0.1:${port}`);
      expect(server.urls.every((url) => new URL(url).port === port)).toBe(true);
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
