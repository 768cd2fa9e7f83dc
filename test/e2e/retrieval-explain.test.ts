import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestReranker } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const notCovered = 'The documents in this collection do not cover this question.';
const source = (relative: string) =>
  path.relative(path.join(samplesDirectory, '../../../..'), path.join(samplesDirectory, relative));

interface Explained {
  hits: Array<{ source: string; score: number }>;
  trace: {
    stages: Array<{ name: string; skipped?: string }>;
    threshold: { covered: boolean; signal: string };
    hits: Array<{
      rank: number;
      stages: Record<string, { rank: number; score: number }>;
      relevance: { cleared: boolean };
    }>;
  };
}

describe('retrieval you can see into: explain, filters and the relevance threshold (CLI and HTTP)', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess | undefined;
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir.path, '--collection', 'handbook']);

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    const ingested = await cli('ingest', samplesDirectory);
    expect(ingested.exitCode).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
    await dataDir.remove();
  });

  test('andes search --explain prints each stage, the threshold verdict and a table per hit', async () => {
    const { exitCode, stdout } = await cli('search', 'how do I roll back a broken deploy', '--k', '2', '--explain');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('BM25: ');
    expect(stdout).toContain('dense: skipped (no embedding model configured)');
    expect(stdout).toMatch(/threshold: .* ≥ 0\.34 → covered/);
    expect(stdout).toContain(`1. ${source('engineering/deployment-guide.md')}`);
    expect(stdout).toMatch(
      /stage\s+rank\s+score\n\s+BM25\s+#\d+\s+\d+\.\d{4}\n\s+document-aware\s+#1\s+\d+\.\d{4}\n\s+relevance\s+cleared/,
    );

    const json = await cli('search', 'how do I roll back a broken deploy', '--k', '2', '--explain', '--json');
    const explained = JSON.parse(json.stdout) as Explained;
    expect(explained.hits).toHaveLength(2);
    expect(explained.trace.hits[0]).toMatchObject({
      rank: 1,
      stages: { lexical: { rank: expect.any(Number) }, document: { rank: 1 } },
      relevance: { cleared: true },
    });
  });

  test('andes search filters by source prefix and document type inside retrieval', async () => {
    const prefix = `${source('security')}/`;
    const bySource = JSON.parse((await cli('search', 'policy', '--source-prefix', prefix, '--json')).stdout) as Array<{
      source: string;
    }>;
    expect(bySource.length).toBeGreaterThan(0);
    expect(bySource.every((hit) => hit.source.startsWith(prefix))).toBe(true);
    const byTypes = JSON.parse(
      (await cli('search', 'leave', '--type', 'md,txt', '--k', '40', '--json')).stdout,
    ) as Array<{ source: string }>;
    expect(new Set(byTypes.map((hit) => path.extname(hit.source)))).toEqual(new Set(['.md', '.txt']));
    const byType = JSON.parse(
      (await cli('search', 'ingest gateway', '--type', 'text/html', '--json')).stdout,
    ) as Array<{ source: string }>;
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((hit) => hit.source.endsWith('.html'))).toBe(true);
    const unknown = await cli('search', 'policy', '--type', 'exe');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown document type "exe"');
  });

  test('andes ask says the documents do not cover an off-topic question', async () => {
    const { exitCode, stdout } = await cli('ask', 'What is the capital of Australia?', '--json');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ answer: notCovered, mode: 'extractive', citations: [] });
  });

  test('GET /api/search?explain=1 shows the reranker stage, and POST /api/ask takes a filter and history', async () => {
    server = await startServerProcess(['--data-dir', dataDir.path], { ANDES_RERANK_MODEL: await ensureTestReranker() });
    const query = encodeURIComponent('hotel cap per night in Berlin');
    const response = await fetch(`${server.url}/api/search?collection=handbook&k=3&explain=1&q=${query}`);
    expect(response.status).toBe(200);
    const { hits, trace } = (await response.json()) as Explained;
    expect(trace.stages.map((stage) => stage.name)).toEqual(['lexical', 'dense', 'document', 'rerank']);
    expect(hits[0]?.score).toBe(trace.hits[0]?.stages['rerank']?.score);

    const ask = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        collection: 'handbook',
        question: 'how do I roll back a release?',
        filter: { types: ['md'], sourcePrefix: `${source('engineering')}/` },
        history: [{ role: 'user', content: 'Tell me about deployments.' }],
      }),
    });
    expect(ask.status).toBe(200);
    const answer = (await ask.json()) as { mode: string; citations: Array<{ source: string }> };
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(
      answer.citations.every(
        (citation) => citation.source.startsWith(`${source('engineering')}/`) && citation.source.endsWith('.md'),
      ),
    ).toBe(true);
  });
});
