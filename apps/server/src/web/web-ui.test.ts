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

  it('serves index.html at / with a policy that allows only its own files', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<title>Andes</title>');
    expect(html).toContain('src="app.js"');
  });

  it.each([
    ['app.js', /javascript/],
    ['styles.css', /^text\/css/],
  ])('serves %s', async (file, contentType) => {
    const response = await fetch(`${server.url}/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(contentType);
  });

  it('has every element the script looks up, each form control labelled', async () => {
    const html = await readFile(path.join(publicDirectory, 'index.html'), 'utf8');
    const script = await readFile(path.join(publicDirectory, 'app.js'), 'utf8');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const lookedUp = [...script.matchAll(/byId\('([^']+)'\)/g)].map((match) => match[1]);
    expect(lookedUp.filter((id) => !ids.has(id))).toEqual([]);
    const controls = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]));
    expect(controls.filter((id) => !labelled.has(id))).toEqual([]);
  });

  it('is shipped in the package', async () => {
    const manifest = JSON.parse(await readFile(path.join(publicDirectory, '..', 'package.json'), 'utf8')) as {
      files: string[];
    };
    expect(manifest.files).toContain('public');
  });
});
