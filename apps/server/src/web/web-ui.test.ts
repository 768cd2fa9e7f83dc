import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';
import { publicDirectory } from './public-directory.js';

describe('web UI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the built web app at / with a policy that allows only its own files', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<title>Andes</title>');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((asset) => asset?.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const served = await fetch(`${server.url}/${asset}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(asset?.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
  });

  it('serves the files of apps/web/dist', async () => {
    expect(publicDirectory.replaceAll(path.sep, '/')).toMatch(/apps\/web\/dist\/$/);
    const html = await readFile(path.join(publicDirectory, 'index.html'), 'utf8');
    expect(await (await fetch(`${server.url}/index.html`)).text()).toBe(html);
  });
});
