import { afterEach, describe, expect, it } from 'vitest';
import type { AndesConfigInput } from '@andes-rag/runtime';
import { rawRequest } from '../testing/raw-request.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';
import { hostnameOf } from './host-guard.js';

describe('Host check (DNS rebinding)', () => {
  let server: TestServer;
  const start = async (config: Partial<AndesConfigInput> = {}) => {
    server = await startTestServer({ config });
  };
  afterEach(async () => {
    await server.close();
  });

  it.each(['/api/collections', '/', '/v1/models'])('refuses GET %s for a foreign host name with 421', async (path) => {
    await start();
    const response = await rawRequest(`${server.url}${path}`, { headers: { Host: 'attacker.example:3000' } });
    expect(response.status).toBe(421);
    const body = JSON.parse(response.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('misdirected_request');
    expect(body.error.message).toContain('attacker.example:3000');
  });

  it('refuses a delete for a foreign host name, and the document stays', async () => {
    await start();
    await fetch(`${server.url}/api/collections/default/documents`, {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.append('files', new Blob(['# A']), 'a.md');
        return form;
      })(),
    });
    const response = await rawRequest(`${server.url}/api/collections/default/documents/document-1`, {
      method: 'DELETE',
      headers: { Host: 'rebound.example' },
    });
    expect(response.status).toBe(421);
    expect((await server.service.listDocuments('default')).map((document) => document.id)).toEqual(['document-1']);
  });

  it.each(['localhost:4321', '127.0.0.1', '[::1]:80', '192.0.2.7:3000', 'LOCALHOST'])(
    'answers Host: %s',
    async (host) => {
      await start();
      const response = await rawRequest(`${server.url}/api/collections`, { headers: { Host: host } });
      expect(response.status).toBe(200);
    },
  );

  it('answers configured host names, and the probes for any host', async () => {
    await start({ allowedHosts: 'andes.internal.example' });
    const configured = await rawRequest(`${server.url}/api/collections`, {
      headers: { Host: 'Andes.Internal.Example:8443' },
    });
    expect(configured.status).toBe(200);
    const other = await rawRequest(`${server.url}/api/collections`, { headers: { Host: 'other.example' } });
    expect(other.status).toBe(421);
    const probe = await rawRequest(`${server.url}/healthz`, { headers: { Host: 'other.example' } });
    expect(probe.status).toBe(200);
  });

  it('reads host names from Host headers and settings', () => {
    expect(hostnameOf('Example.COM:3000')).toBe('example.com');
    expect(hostnameOf('::1')).toBe('[::1]');
    expect(hostnameOf('evil.example/path')).toBeUndefined();
    expect(hostnameOf('user@evil.example')).toBeUndefined();
    expect(hostnameOf('')).toBeUndefined();
  });
});
