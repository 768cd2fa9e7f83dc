import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chunkDocument, parseDocument } from '@andes-rag/retrieval';
import { loadConfig, openAndes } from '@andes-rag/runtime';
import { RawSqliteBaseline } from './raw-sqlite-baseline.js';
import type { Passage } from './sotu-passages.js';

/** What one worker process measured. */
export interface ScaleResult {
  documents: number;
  chunks: number;
  /** Seconds to ingest every document. */
  ingestSeconds: number;
  /** Milliseconds to delete one document, for each of the documents deleted. */
  deleteMs: number[];
  /** Peak resident memory of the worker process, in MiB. */
  peakRssMiB: number;
  /** Seconds to ingest every document again, unchanged (Andes only: hashes and skips). */
  unchangedSeconds?: number;
}

const encoder = new TextEncoder();
const filesPerIngestCall = 100;
const deletedDocuments = 21;

/** Evenly spaced positions among `count`: the documents whose delete is timed. */
function spread(count: number): number[] {
  return Array.from({ length: deletedDocuments }, (_, index) =>
    Math.floor((index * (count - 1)) / (deletedDocuments - 1)),
  );
}

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Ingests through the real runtime (parse, chunk, hash, store; no embedding model), then times single deletes. */
export async function measureAndes(passages: readonly Passage[]): Promise<ScaleResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-scale-'));
  try {
    const runtime = await openAndes(loadConfig({ dataDir }, {}));
    const inputs = passages.map((passage) => ({ source: passage.source, bytes: encoder.encode(passage.text) }));
    let chunks = 0;
    const started = performance.now();
    for (let start = 0; start < inputs.length; start += filesPerIngestCall) {
      const report = await runtime.ingest('sotu', inputs.slice(start, start + filesPerIngestCall));
      for (const file of report.files) {
        if (file.status !== 'created') throw new Error(`${file.source}: ${JSON.stringify(file)}`);
        chunks += file.chunkCount ?? 0;
      }
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const again = performance.now();
    for (let start = 0; start < inputs.length; start += filesPerIngestCall) {
      const report = await runtime.ingest('sotu', inputs.slice(start, start + filesPerIngestCall));
      if (report.files.some((file) => file.status !== 'unchanged'))
        throw new Error('a second ingest changed something');
    }
    const unchangedSeconds = (performance.now() - again) / 1000;
    const documents = await runtime.listDocuments('sotu');
    const deleteMs: number[] = [];
    for (const position of spread(documents.length)) {
      const before = performance.now();
      await runtime.deleteDocument('sotu', documents[position]!.id);
      deleteMs.push(performance.now() - before);
    }
    await runtime.close();
    return { documents: passages.length, chunks, ingestSeconds, deleteMs, peakRssMiB: peakRssMiB(), unchangedSeconds };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The same documents, parsed and chunked by the same functions, written straight into better-sqlite3. */
export async function measureRawSqlite(passages: readonly Passage[], oneTransaction: boolean): Promise<ScaleResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-raw-'));
  try {
    const baseline = new RawSqliteBaseline(path.join(dataDir, 'raw.db'));
    const started = performance.now();
    const chunked = [];
    for (const passage of passages) {
      const document = await parseDocument({ source: passage.source, bytes: encoder.encode(passage.text) });
      chunked.push({ source: passage.source, chunks: chunkDocument(document).map((chunk) => chunk.text) });
    }
    const ids = baseline.store(chunked, oneTransaction);
    const ingestSeconds = (performance.now() - started) / 1000;
    const deleteMs: number[] = [];
    for (const position of spread(ids.length)) {
      const before = performance.now();
      baseline.delete(ids[position]!);
      deleteMs.push(performance.now() - before);
    }
    baseline.close();
    const chunks = chunked.reduce((sum, document) => sum + document.chunks.length, 0);
    return { documents: passages.length, chunks, ingestSeconds, deleteMs, peakRssMiB: peakRssMiB() };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
