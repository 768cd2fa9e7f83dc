import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

const id = '20250102T030405Z-sotu';
// The fields of an `andes eval` report that the list reads; the rest is served as written.
const report = {
  format: 'andes-evaluation-report',
  version: 1,
  id,
  createdAt: '2025-01-02T03:04:05.000Z',
  retrieval: {
    dataset: { name: 'sotu', questionCount: 63 },
    k: 10,
    baseline: 'default',
    configurations: [
      { name: 'default', rank: 1, summary: { hitAtK: 0.9, recallAtK: 0.8, mrrAt10: 0.7, ndcgAt10: 0.75 } },
    ],
  },
  gates: [{ passed: true }, { passed: false }],
};

describe('evaluation report routes', () => {
  let server: TestServer;
  let dataDir: string;
  const get = (route: string) => fetch(`${server.url}${route}`);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-eval-routes-'));
    const directory = path.join(dataDir, 'eval-reports');
    await mkdir(directory);
    await writeFile(path.join(directory, `${id}.json`), JSON.stringify(report));
    await writeFile(path.join(directory, `${id}.html`), '<!doctype html><title>report</title>');
    await writeFile(path.join(directory, '20250101T000000Z-broken.json'), '{not json');
    await writeFile(path.join(directory, 'notes.json'), JSON.stringify(report));
    server = await startTestServer({ config: { dataDir } });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists well-formed reports with their summary and links, skipping other files', async () => {
    const response = await get('/api/eval/reports');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      reports: [
        {
          id,
          createdAt: report.createdAt,
          dataset: 'sotu',
          questionCount: 63,
          k: 10,
          baseline: 'default',
          configurations: [{ name: 'default', rank: 1, hitAtK: 0.9, recallAtK: 0.8, mrrAt10: 0.7, ndcgAt10: 0.75 }],
          gatesPassed: false,
          modelJudged: false,
          links: { json: `/api/eval/reports/${id}`, html: `/api/eval/reports/${id}.html` },
        },
      ],
    });
  });

  it('serves a report as JSON and as a page whose policy allows only inline styles', async () => {
    const json = await get(`/api/eval/reports/${id}`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual(report);
    const html = await get(`/api/eval/reports/${id}.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(await html.text()).toContain('<title>report</title>');
  });

  it('takes server paths out: the data directory becomes ".", other absolute paths in context their file name', async () => {
    const pathId = '20250103T000000Z-paths';
    const withPaths = {
      ...report,
      id: pathId,
      context: {
        dataset: '/home/someone/evaluation sets/sotu.jsonl',
        'data directory': dataDir,
        'report folder': path.join(dataDir, 'eval-reports'),
        collection: 'sotu',
      },
    };
    const directory = path.join(dataDir, 'eval-reports');
    await writeFile(path.join(directory, `${pathId}.json`), JSON.stringify(withPaths));
    const page = `<!doctype html><p>${Object.values(withPaths.context).join('</p><p>')}</p>`;
    await writeFile(path.join(directory, `${pathId}.html`), page);
    const bodies = await Promise.all(
      ['/api/eval/reports', `/api/eval/reports/${pathId}`, `/api/eval/reports/${pathId}.html`].map(async (route) => {
        const response = await get(route);
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    for (const body of bodies) {
      expect(body).not.toContain(dataDir);
      expect(body).not.toContain('/home/someone');
    }
    expect(JSON.parse(bodies[1] ?? '{}').context).toEqual({
      dataset: 'sotu.jsonl',
      'data directory': '.',
      'report folder': `.${path.sep}eval-reports`,
      collection: 'sotu',
    });
    expect(bodies[2]).toContain('<p>sotu.jsonl</p><p>.</p>');
  });

  it.each([
    ['a traversal', '..%2F..%2Fetc%2Fpasswd', 400, 'invalid_request'],
    ['an id with a dot', `${id}.json`, 400, 'invalid_request'],
    ['a name that is no id', 'notes', 400, 'invalid_request'],
    ['an unknown report', '20250102T030405Z-other', 404, 'not_found'],
    ['an unknown page', '20250102T030405Z-other.html', 404, 'not_found'],
  ])('rejects %s', async (_case, name, status, code) => {
    await expectErrorResponse(await get(`/api/eval/reports/${name}`), status, code);
  });
});
