import type Database from 'better-sqlite3';
import type { ChunkFilter, ScoredChunkId } from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';
import { chunkFilterSql } from '../filters/chunk-filter-sql.js';
import { blobToEmbedding } from '../database/embedding-blob.js';
import { usableEmbeddingSql } from './build-vector-index.js';
import type { CollectionVectorIndex, LabelledVector, VectorMatch } from './collection-vector-index.js';
import type { AllowedLabelsCache } from './allowed-labels-cache.js';
import { exactVectorSearch } from './exact-vector-search.js';

/** A vector search in one collection. */
export interface VectorSearch {
  collectionId: number;
  index: CollectionVectorIndex;
  vector: Float32Array;
  k: number;
  filter: ChunkFilter | undefined;
  /** A filter that allows at most this many chunks is answered by an exact scan of their embeddings. */
  exactSearchLimit: number;
  /** Keeps the labels a filter allows between searches while nothing changed. Default: none (selected each time). */
  allowedLabels?: AllowedLabelsCache;
}

/**
 * Nearest chunks to the vector by cosine similarity. With a filter, the labels it allows are selected in SQL first:
 * few enough, and their embeddings are scanned exactly; more, and hnswlib only considers those labels while it walks
 * the graph. Either way the filter applies before ranking, so `k` results come back whenever `k` chunks pass it.
 */
export function searchVector(database: Database.Database, search: VectorSearch): ScoredChunkId[] {
  const { collectionId, index, vector, k } = search;
  const condition = chunkFilterSql(search.filter);
  let matches: VectorMatch[];
  if (condition.restricts) {
    const parameters = { ...condition.parameters, collectionId, dimensions: index.dimensions };
    const select = () =>
      prepared(
        database,
        // Documents first: the filter is decided once per document, then their chunks come from the index by
        // document (at 100k chunks in 1,000 documents: 32 ms instead of 256 ms for a join evaluated per chunk).
        `SELECT c.rowid FROM chunks c
        WHERE c.collection_id = @collectionId AND ${usableEmbeddingSql}
          AND c.document_id IN (SELECT d.id FROM documents d WHERE d.collection_id = @collectionId AND (${condition.sql}))`,
      )
        .pluck()
        .all(parameters) as number[];
    const filterKey = `${condition.sql}\u0000${JSON.stringify(parameters)}`;
    const allowed = search.allowedLabels?.labels(database, collectionId, filterKey, select) ?? {
      labels: select(),
      set: undefined,
    };
    const { labels } = allowed;
    if (labels.length === 0) return [];
    matches =
      labels.length <= search.exactSearchLimit
        ? exactVectorSearch(vector, selectEmbeddings(database, labels), k)
        : index.search(vector, k, allowed.set ?? new Set(labels));
  } else {
    matches = index.search(vector, k);
  }
  if (matches.length === 0) return [];
  const ids = prepared(
    database,
    'SELECT rowid AS label, id FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(matches.map((match) => match.label))) as { label: number; id: string }[];
  const idByLabel = new Map(ids.map((row) => [row.label, row.id]));
  const results: ScoredChunkId[] = [];
  for (const match of matches) {
    const chunkId = idByLabel.get(match.label);
    if (chunkId !== undefined) results.push({ chunkId, score: match.score });
  }
  return results;
}

function* selectEmbeddings(database: Database.Database, labels: readonly number[]): Generator<LabelledVector> {
  const rows = prepared(
    database,
    'SELECT rowid AS label, embedding FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))',
  ).iterate(JSON.stringify(labels)) as IterableIterator<{ label: number; embedding: Buffer }>;
  for (const row of rows) yield { label: row.label, vector: blobToEmbedding(row.embedding) };
}
