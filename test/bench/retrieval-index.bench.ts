/**
 * Index quality and speed: hnswlib recall@10 against exact search and queries/s against an exact scan, on real
 * MiniLM embeddings (778 vectors from @sap-ux/fiori-docs-embeddings) and on 100,000 vectors derived from them; then
 * BM25 and vector and hybrid search latency through SqliteKnowledgeStore at 100,000 chunks of real text (State of the
 * Union windows). Sizes: ANDES_BENCH_VECTORS (default 100000), ANDES_BENCH_QUERIES (default 200).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import { HybridRetriever } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { exactTopK, packVectors, percentileMs, recallOf } from './retrieval-index/exact-search.js';
import { deriveVectors, loadRealEmbeddings } from './retrieval-index/real-embeddings.js';
import { sotuWindows } from './retrieval-index/sotu-windows.js';
import { fillStore, precomputedQueryModel } from './retrieval-index/store-at-scale.js';

const vectorCount = Number(process.env['ANDES_BENCH_VECTORS'] ?? 100_000);
const queryCount = Number(process.env['ANDES_BENCH_QUERIES'] ?? 200);
const [m, efConstruction, k] = [16, 200, 10];
const recallGoal = 0.98;
const speedupGoal = 20;
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const timed = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

const real = await loadRealEmbeddings();
const { dimensions } = real;
console.log(
  `Real vectors: ${real.vectors.length} × ${dimensions}-d (${real.model}). hnswlib M ${m}, efConstruction ${efConstruction}, ef set explicitly per row.`,
);
console.log(
  'Threads: hnswlib-node searches and the exact scan run on 1 thread (the JS main thread); SQLite on 1 connection.',
);

function buildIndex(vectors: readonly Float32Array[]): [hnswlib.HierarchicalNSW, number] {
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: vectors.length, m, efConstruction, randomSeed: 100 });
  const [, elapsed] = timed(() => vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label)));
  return [index, elapsed];
}

function measure(
  index: hnswlib.HierarchicalNSW,
  queries: readonly Float32Array[],
  exact: readonly number[][],
  ef: number,
) {
  index.setEf(ef);
  const plain = queries.map((query) => Array.from(query));
  const [results, elapsed] = timed(() => plain.map((query) => index.searchKnn(query, k).neighbors));
  const recall =
    results.reduce((sum, labels, position) => sum + recallOf(labels, exact[position] ?? []), 0) / queries.length;
  return { recall, queriesPerSecond: (queries.length * 1000) / elapsed };
}

// 1. Real vectors only: index 700, query with the 78 held out.
{
  const [indexed, held] = [real.vectors.slice(0, 700), real.vectors.slice(700)];
  const packed = packVectors(indexed, dimensions);
  const exact = held.map((query) => exactTopK(packed, dimensions, query, k));
  const [index] = buildIndex(indexed);
  console.log(`\n[1] ${indexed.length} real vectors, ${held.length} held-out real queries`);
  for (const ef of [10, 50, 100]) {
    const { recall } = measure(index, held, exact, ef);
    console.log(`  ef ${String(ef).padStart(3)}: recall@10 ${fixed(recall, 3)}  (goal ≥ ${recallGoal})`);
  }
}

// 2. Derived vectors at scale: hnswlib against an exact scan.
const vectors = deriveVectors(real.vectors, vectorCount, 1);
const queries = deriveVectors(real.vectors, queryCount, 2);
{
  console.log(
    `\n[2] ${vectorCount} vectors derived from the real ones (mix of two real vectors + noise σ 0.01/dim, normalised), ${queryCount} derived queries`,
  );
  const packed = packVectors(vectors, dimensions);
  const [exact, exactMs] = timed(() => queries.map((query) => exactTopK(packed, dimensions, query, k)));
  const exactQueriesPerSecond = (queries.length * 1000) / exactMs;
  const [index, buildMs] = buildIndex(vectors);
  console.log(
    `  exact scan: ${fixed(exactQueriesPerSecond)} queries/s · hnswlib build: ${fixed(buildMs / 1000)} s (${fixed((vectorCount * 1000) / buildMs, 0)} vectors/s)`,
  );
  console.log('   ef | recall@10 (goal ≥ 0.98) | queries/s | vs exact scan (goal ≥ 20x)');
  for (const ef of [16, 32, 64, 100, 200]) {
    const { recall, queriesPerSecond } = measure(index, queries, exact, ef);
    const speedup = queriesPerSecond / exactQueriesPerSecond;
    const verdict = `${recall >= recallGoal ? 'meets' : 'misses'} / ${speedup >= speedupGoal ? 'meets' : 'misses'}`;
    console.log(
      `  ${String(ef).padStart(3)} | ${fixed(recall, 3).padStart(9)}               | ${fixed(queriesPerSecond, 0).padStart(9)} | ${fixed(speedup).padStart(6)}x   ${verdict}`,
    );
  }
}

// 3. Through SqliteKnowledgeStore at the same scale: BM25, vector and hybrid search latency.
{
  const directory = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-index-'));
  const store = await SqliteKnowledgeStore.open({ dataDir: directory, hnsw: { m, efConstruction, efSearch: 100 } });
  try {
    const chunks = await sotuWindows(vectorCount);
    const model = 'fiori-minilm-derived';
    const fillMs = await fillStore(store, 'bench', { chunks, vectors, model });
    const questions = (await readFile(new URL('../eval/sotu-questions.jsonl', import.meta.url), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { question: string }).question);
    console.log(
      `\n[3] SqliteKnowledgeStore, ${vectorCount} chunks of 200 real words with vectors (efSearch 100); filled in ${fixed(fillMs / 1000)} s`,
    );
    const latency = async (label: string, runs: Array<() => Promise<unknown>>) => {
      await runs[0]?.();
      const times: number[] = [];
      for (const run of runs) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      const total = times.reduce((sum, time) => sum + time, 0);
      console.log(
        `  ${label.padEnd(34)} p50 ${fixed(percentileMs(times, 0.5)).padStart(6)} ms · p95 ${fixed(percentileMs(times, 0.95)).padStart(6)} ms · ${fixed((times.length * 1000) / total, 0).padStart(5)} queries/s`,
      );
      return percentileMs(times, 0.5);
    };
    const lexical = await latency(
      `BM25 (FTS5), ${questions.length} real questions`,
      questions.map((question) => () => store.searchLexical('bench', question, { k: 40 })),
    );
    const vector = await latency(
      `vector (hnswlib), ${queries.length} queries`,
      queries.map((query) => () => store.searchVector('bench', query, { k: 40 })),
    );
    const lookup = new Map(
      questions.map((question, index) => [question, queries[index % queries.length] as Float32Array]),
    );
    const retriever = new HybridRetriever({ store, embeddingModel: precomputedQueryModel(model, lookup, dimensions) });
    const hybrid = await latency(
      'hybrid (BM25 + vector + RRF, k 10)',
      questions.map((question) => () => retriever.search('bench', question, { k: 10 })),
    );
    console.log(
      `  ratios: hybrid / BM25 p50 ${fixed(hybrid / lexical, 2)}x · vector / BM25 p50 ${fixed(vector / lexical, 2)}x`,
    );
  } finally {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}
