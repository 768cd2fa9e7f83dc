import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestReport } from '@andes-rag/runtime';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

/** A multipart body written by hand, so file names reach the server exactly as given. */
function rawMultipart(parts: { field: string; filename?: string; content: string }[]): {
  body: string;
  contentType: string;
} {
  const boundary = 'andes-test-boundary';
  const body = parts
    .map(({ field, filename, content }) => {
      const disposition =
        filename === undefined ? `form-data; name="${field}"` : `form-data; name="${field}"; filename="${filename}"`;
      return `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
    })
    .join('');
  return { body: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('POST /api/collections/:name/documents', () => {
  let server: TestServer;
  let uploadUrl: string;
  beforeEach(async () => {
    server = await startTestServer();
    uploadUrl = `${server.url}/api/collections/handbook/documents`;
  });
  afterEach(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('ingests several files and answers 201 with the report once stored', async () => {
    const form = new FormData();
    form.append('files', new Blob(['# Laptops'], { type: 'text/markdown' }), 'laptops.md');
    form.append('files', new Blob(['plain text']), 'notes.txt');
    form.append('comment', 'text fields are ignored');
    const response = await fetch(uploadUrl, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const report = (await response.json()) as IngestReport;
    expect(report).toEqual({
      collection: 'handbook',
      files: [
        { source: 'laptops.md', status: 'created', documentId: 'document-1', chunkCount: 1 },
        { source: 'notes.txt', status: 'created', documentId: 'document-2', chunkCount: 1 },
      ],
    });
    const inputs = server.service.ingestCalls[0]?.inputs ?? [];
    expect(new TextDecoder().decode(inputs[0]?.bytes)).toBe('# Laptops');
    expect(inputs[0]?.mediaType).toBe('text/markdown');
    expect(inputs[1]).not.toHaveProperty('mediaType');
  });

  it('gives every file of the upload the tags of the comma-separated tags field', async () => {
    const form = new FormData();
    form.append('files', new Blob(['# Laptops'], { type: 'text/markdown' }), 'laptops.md');
    form.append('files', new Blob(['plain text']), 'notes.txt');
    form.append('tags', 'it, onboarding,');
    expect((await fetch(uploadUrl, { method: 'POST', body: form })).status).toBe(201);
    const inputs = server.service.ingestCalls[0]?.inputs ?? [];
    expect(inputs.map((input) => input.tags)).toEqual([
      ['it', 'onboarding'],
      ['it', 'onboarding'],
    ]);
  });

  it('keeps relative paths but never a path outside', async () => {
    const { body, contentType } = rawMultipart([
      { field: 'files', filename: 'handbook/onboarding.md', content: 'a' },
      { field: 'files', filename: '../../../etc/passwd.md', content: 'b' },
      { field: 'files', filename: '..\\..\\Windows\\win.txt', content: 'c' },
    ]);
    const response = await fetch(uploadUrl, { method: 'POST', body, headers: { 'Content-Type': contentType } });
    expect(response.status).toBe(201);
    const sources = server.service.ingestCalls[0]?.inputs.map((input) => input.source);
    expect(sources).toEqual(['handbook/onboarding.md', 'etc/passwd.md', 'Windows/win.txt']);
  });

  it('keeps non-ASCII file names intact', async () => {
    const form = new FormData();
    form.append('files', new Blob(['x']), 'Résumé für Zoë.md');
    const response = await fetch(uploadUrl, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(server.service.ingestCalls[0]?.inputs[0]?.source).toBe('Résumé für Zoë.md');
  });

  it('answers 200 with per-file statuses when only some files fail', async () => {
    const form = new FormData();
    form.append('files', new Blob(['ok']), 'ok.md');
    form.append('files', new Blob(['binary']), 'photo.png');
    const response = await fetch(uploadUrl, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const report = (await response.json()) as IngestReport;
    expect(report.files.map((file) => file.status)).toEqual(['created', 'failed']);
  });

  it('answers 415 with the report in details when every file is unsupported', async () => {
    const form = new FormData();
    form.append('files', new Blob(['binary']), 'photo.png');
    const body = await expectErrorResponse(
      await fetch(uploadUrl, { method: 'POST', body: form }),
      415,
      'unsupported_file_type',
    );
    expect(body.error.details).toEqual({
      report: expect.objectContaining({ files: [expect.objectContaining({ status: 'failed' })] }),
    });
  });

  it('rejects a request without files', async () => {
    await expectErrorResponse(await fetch(uploadUrl, { method: 'POST', body: new FormData() }), 400, 'invalid_request');
    await expectErrorResponse(await fetch(uploadUrl, { method: 'POST' }), 400, 'invalid_request');
    await expectErrorResponse(
      await fetch(uploadUrl, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      400,
      'invalid_request',
    );
  });

  it('rejects a file in another field', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.md');
    await expectErrorResponse(await fetch(uploadUrl, { method: 'POST', body: form }), 400, 'invalid_request');
  });

  it('rejects a file over maxUploadBytes with 413', async () => {
    const form = new FormData();
    form.append('files', new Blob(['x'.repeat(1025)]), 'big.md');
    const body = await expectErrorResponse(
      await fetch(uploadUrl, { method: 'POST', body: form }),
      413,
      'payload_too_large',
    );
    expect(body.error.message).toContain('1024 bytes');
    expect(server.service.ingestCalls).toHaveLength(0);
  });

  it('rejects more than maxUploadFiles files with 413', async () => {
    const form = new FormData();
    for (const name of ['a.md', 'b.md', 'c.md', 'd.md']) form.append('files', new Blob(['x']), name);
    await expectErrorResponse(await fetch(uploadUrl, { method: 'POST', body: form }), 413, 'payload_too_large');
    expect(server.service.ingestCalls).toHaveLength(0);
  });

  it('rejects a malformed multipart body', async () => {
    const headers = { 'Content-Type': 'multipart/form-data; boundary=xyz' };
    await expectErrorResponse(
      await fetch(uploadUrl, { method: 'POST', body: '--xyz\r\nnot a header\r\n', headers }),
      400,
      'invalid_request',
    );
  });

  it('rejects a file with no usable name', async () => {
    const { body, contentType } = rawMultipart([{ field: 'files', filename: '../..', content: 'a' }]);
    await expectErrorResponse(
      await fetch(uploadUrl, { method: 'POST', body, headers: { 'Content-Type': contentType } }),
      400,
      'invalid_request',
    );
  });
});
