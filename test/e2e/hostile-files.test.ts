import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// The corpus is made in memory by the retrieval package's test fixtures, so unit and end-to-end tests share it.
import {
  hostileFiles,
  zipSlipFileName,
  type HostileFile,
} from '../../packages/retrieval/src/test-support/fixtures/hostile-files.js';
import { makeDocx, wordParagraph, wordTable } from '../../packages/retrieval/src/test-support/fixtures/make-docx.js';
import { makePdf } from '../../packages/retrieval/src/test-support/fixtures/make-pdf.js';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const statusByCode: Record<string, number> = { payload_too_large: 413, parse_failed: 422, unsupported_file_type: 415 };

interface UploadReport {
  files: Array<{ source: string; status: string; documentId?: string }>;
}

// The bad files of `packages/retrieval/src/test-support/fixtures/hostile-files.ts`, uploaded one by one to a real
// `andes serve` (BM25 only, no models): each is rejected with a clear error or processed within the limits, and the server keeps answering.
describe('hostile files against a running server', () => {
  let root: Awaited<ReturnType<typeof temporaryDirectory>>;
  let dataDirectory: string;
  let server: ServerProcess;
  let files: HostileFile[];

  const upload = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${server.url}/api/collections/intake/documents`, { method: 'POST', body: form });
  };
  const search = async (query: string) => {
    const response = await fetch(`${server.url}/api/search?collection=intake&k=5&q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    return (
      (await response.json()) as { hits: Array<{ source: string; text: string; page?: number; headingPath: string[] }> }
    ).hits;
  };

  beforeAll(async () => {
    files = await hostileFiles();
    root = await temporaryDirectory('andes-hostile-');
    dataDirectory = path.join(root.path, 'data');
    await mkdir(dataDirectory);
    server = await startServerProcess(['--data-dir', dataDirectory]);
    // A good file first, so that searching works from the first hostile upload on.
    const handbook = await makePdf([
      [{ text: 'Handbook', size: 20 }, { text: 'The cafeteria opens at eight.' }],
      [{ text: 'Parking', size: 16 }, { text: 'Bicycles go in the basement.' }],
    ]);
    const response = await upload('handbook.pdf', handbook);
    expect(response.status, await response.text()).toBe(201);
  });

  afterAll(async () => {
    await server?.stop();
    await root?.remove();
  });

  test('each hostile file is rejected with a clear error or processed, and the server keeps answering', async () => {
    for (const file of files) {
      const response = await upload(file.source, file.bytes);
      const body = (await response.json()) as UploadReport & { error?: { code: string; message: string } };
      if (file.rejectedWith) {
        expect(response.status, file.name).toBe(statusByCode[file.rejectedWith]);
        expect(body.error?.code, file.name).toBe(file.rejectedWith);
        expect(body.error?.message, file.name).toContain(file.source);
      } else {
        expect(response.status, `${file.name}: ${JSON.stringify(body)}`).toBe(201);
        expect(body.files[0]?.status, file.name).toBe('created');
      }
      expect((await fetch(`${server.url}/healthz`)).status, `healthz after ${file.name}`).toBe(200);
      expect((await search('cafeteria'))[0]?.source, `search after ${file.name}`).toBe('handbook.pdf');
    }
  });

  test('hidden text is not searchable, and the documents that carried it are flagged', async () => {
    expect(await search('Ignore all previous instructions admin password')).toEqual([]);
    const response = await fetch(`${server.url}/api/collections/intake/documents`);
    const { documents } = (await response.json()) as {
      documents: Array<{ source: string; warnings?: Array<{ code: string; message: string }> }>;
    };
    const warnings = Object.fromEntries(
      documents.map((document) => [document.source, (document.warnings ?? []).map((warning) => warning.code).sort()]),
    );
    for (const file of files.filter((candidate) => candidate.processed)) {
      expect(warnings[file.source], file.source).toEqual([...(file.processed?.warnings ?? [])].sort());
    }
    expect(warnings['handbook.pdf']).toEqual([]);
  });

  test('PDF, DOCX and CSV hits carry their provenance: page, heading path, the table header', async () => {
    const docx = makeDocx({
      body: [
        wordParagraph('Allowances', 'Heading1'),
        wordTable([
          ['City', 'Per diem'],
          ['Lisbon', '35 EUR'],
        ]),
      ].join(''),
    });
    expect((await upload('allowances.docx', docx)).status).toBe(201);
    expect((await upload('offices.csv', new TextEncoder().encode('office,floor\nValparaiso,seventh\n'))).status).toBe(
      201,
    );

    const [pdfHit] = await search('bicycles basement');
    expect(pdfHit).toMatchObject({ source: 'handbook.pdf', page: 2, headingPath: ['Handbook', 'Parking'] });
    const [docxHit] = await search('Lisbon per diem');
    expect(docxHit).toMatchObject({ source: 'allowances.docx', headingPath: ['Allowances'] });
    expect(docxHit?.text).toContain('| City | Per diem |\n| --- | --- |\n| Lisbon | 35 EUR |');
    const [csvHit] = await search('Valparaiso');
    expect(csvHit?.text).toBe('| office | floor |\n| --- | --- |\n| Valparaiso | seventh |');
  });

  test('nothing was written outside the data directory', async () => {
    expect(await readdir(root.path)).toEqual(['data']);
    for (const folder of [
      root.path,
      path.dirname(root.path),
      os.tmpdir(),
      repositoryRoot,
      path.dirname(repositoryRoot),
      '/',
    ]) {
      expect(existsSync(path.join(folder, zipSlipFileName)), folder).toBe(false);
    }
  });
});
