/**
 * The cost of document permissions inside retrieval: BM25 and vector search latency through SqliteKnowledgeStore at
 * 100,000 chunks of real text (State of the Union windows, vectors derived from real MiniLM embeddings), unfiltered
 * against a caller whose principals may read 10% and 50% of the documents. The permission filter runs inside both
 * searches before ranking (`packages/vectorstore/src/filters/chunk-filter-sql.ts`). The filtered vector searches run
 * twice on the same store, reopened: with the allowed-label cache off (`allowedLabelCacheSize: 0`, the labels selected
 * in SQL on every search) and on (the default), so the cache's effect is read side by side. Sizes:
 * ANDES_BENCH_VECTORS (default 100000), ANDES_BENCH_QUERIES (default 200).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChunkFilter } from '@andes-rag/core';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { percentileMs } from './retrieval-index/exact-search.js';
import { deriveVectors, loadRealEmbeddings } from './retrieval-index/real-embeddings.js';
import { sotuWindows } from './retrieval-index/sotu-windows.js';
import { fillStore } from './retrieval-index/store-at-scale.js';

const vectorCount = Number(process.env['ANDES_BENCH_VECTORS'] ?? 100_000);
const queryCount = Number(process.env['ANDES_BENCH_QUERIES'] ?? 200);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

const real = await loadRealEmbeddings();
const vectors = deriveVectors(real.vectors, vectorCount, 1);
const queries = deriveVectors(real.vectors, queryCount, 2);
const questions = (await readFile(new URL('../eval/sotu-questions.jsonl', import.meta.url), 'utf8'))
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { question: string }).question);

const directory = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-permissions-'));
const hnsw = { m: 16, efConstruction: 200, efSearch: 100 };
let store = await SqliteKnowledgeStore.open({ dataDir: directory, hnsw });
try {
  // Documents of 100 chunks; every tenth is readable by group:few, every second by group:half, the rest by neither.
  const accessOf = (position: number) => [
    ...(position % 10 === 0 ? ['group:few'] : []),
    ...(position % 2 === 0 ? ['group:half'] : []),
    'group:admins',
  ];
  const fillMs = await fillStore(
    store,
    'bench',
    { chunks: await sotuWindows(vectorCount), vectors, model: 'fiori-minilm-derived' },
    100,
    accessOf,
  );
  console.log(
    `${vectorCount} chunks in ${vectorCount / 100} documents with access lists, filled in ${fixed(fillMs / 1000)} s. 1 thread, k 40.`,
  );

  const latency = async (label: string, runs: Array<() => Promise<unknown>>) => {
    await runs[0]?.();
    const times: number[] = [];
    for (const run of runs) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    console.log(
      `  ${label.padEnd(44)} p50 ${fixed(percentileMs(times, 0.5)).padStart(6)} ms · p95 ${fixed(percentileMs(times, 0.95)).padStart(6)} ms`,
    );
    return percentileMs(times, 0.5);
  };
  const filters: Array<[string, ChunkFilter | undefined]> = [
    ['no permission filter', undefined],
    ['caller reads 50% of documents', { principals: ['group:half', 'key:bench'] }],
    ['caller reads 10% of documents', { principals: ['group:few', 'key:bench'] }],
  ];
  const results: Record<string, { lexical: number; vector: number }> = {};
  for (const [label, filter] of filters) {
    const options = { k: 40, ...(filter ? { filter } : {}) };
    const lexical = await latency(
      `BM25, ${label}`,
      questions.map((question) => () => store.searchLexical('bench', question, options)),
    );
    const vector = await latency(
      `vector, ${label}`,
      queries.map((query) => () => store.searchVector('bench', query, options)),
    );
    results[label] = { lexical, vector };
  }
  // The same filtered vector searches without the allowed-label cache: the labels are selected in SQL every time.
  await store.close();
  store = await SqliteKnowledgeStore.open({ dataDir: directory, hnsw, allowedLabelCacheSize: 0 });
  const uncached: Record<string, number> = {};
  for (const [label, filter] of filters.slice(1)) {
    const options = { k: 40, ...(filter ? { filter } : {}) };
    uncached[label] = await latency(
      `vector, ${label}, no label cache`,
      queries.map((query) => () => store.searchVector('bench', query, options)),
    );
  }
  const base = results['no permission filter'];
  for (const [label] of filters.slice(1)) {
    const row = results[label];
    if (base && row)
      console.log(
        `  ratio ${label} / none: BM25 p50 ${fixed(row.lexical / base.lexical, 2)}x · vector p50 ${fixed(row.vector / base.vector, 2)}x` +
          ` (without the label cache ${fixed((uncached[label] ?? 0) / base.vector, 2)}x)`,
      );
  }
} finally {
  await store.close();
  await rm(directory, { recursive: true, force: true });
}
