import type { ChunkFilter, ScoredChunkId } from '@andes-rag/core';
import type { PostgresConnection } from '../connection/postgres-connection.js';
import { chunkFilterSql } from '../filters/chunk-filter-sql.js';
import { SqlParameters } from '../filters/sql-parameters.js';
import { largestIndexedDimensions } from './vector-index.js';

/** How a vector search runs, decided once when the store opens. */
export interface VectorSearchMode {
  /** pgvector is installed: search the collection's HNSW index. Otherwise an exact cosine scan over `real[]`. */
  pgvector: boolean;
  /** pgvector 0.8+: iterative index scans, so a restrictive filter does not starve the result. */
  iterativeScan: boolean;
}

/** What to search. */
export interface VectorQuery {
  collectionId: number;
  dimensions: number;
  vector: Float32Array;
  k: number;
  filter: ChunkFilter | undefined;
}

type ScoreRow = { chunkId: string; score: number };

/**
 * Nearest chunks by cosine similarity, best first, the filter applied inside the search. With pgvector the
 * collection's partial HNSW index (`vector-index.ts`) is searched with `hnsw.iterative_scan = relaxed_order` (where
 * supported) in one transaction, so a filter that rejects most neighbours makes the index scan go on instead of
 * returning fewer than `k`; the outer query restores exact order. Without pgvector, or for collections wider than
 * the index allows, every embedded chunk that passes the filter is scored exactly.
 */
export async function searchVector(
  connection: PostgresConnection,
  mode: VectorSearchMode,
  query: VectorQuery,
): Promise<ScoredChunkId[]> {
  const parameters = new SqlParameters();
  const vector = parameters.add(Array.from(query.vector));
  const condition = chunkFilterSql(query.filter, parameters);
  const limit = parameters.add(query.k);
  // Both are integers from the store's own rows, inlined so the planner can match the partial index's predicate.
  const { collectionId, dimensions } = query;
  if (!Number.isSafeInteger(collectionId) || !Number.isSafeInteger(dimensions)) throw new Error('Bad vector query');
  if (mode.pgvector && dimensions <= largestIndexedDimensions) {
    const distance = `(c.embedding::vector(${dimensions}) <=> ${vector}::real[]::vector(${dimensions}))`;
    const sql = `WITH nearest AS MATERIALIZED (
        SELECT c.id, c.position, ${distance} AS distance
          FROM chunks c JOIN documents d ON d.id = c.document_id
         WHERE c.collection_id = ${collectionId} AND c.embedding IS NOT NULL AND ${condition}
         ORDER BY ${distance}
         LIMIT ${limit})
      SELECT id AS "chunkId", (1 - distance)::float8 AS score FROM nearest ORDER BY distance, position`;
    const rows = await connection.transaction(async (client) => {
      if (mode.iterativeScan) await client.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
      await client.query(`SET LOCAL hnsw.ef_search = ${Math.min(1000, Math.max(40, query.k))}`);
      return (await client.query<ScoreRow>(sql, parameters.values)).rows;
    });
    return rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score) }));
  }
  const sql = `SELECT c.id AS "chunkId",
        ((SELECT sum(a::float8 * b::float8) FROM unnest(c.embedding, ${vector}::real[]) AS pair (a, b))
          / nullif(sqrt((SELECT sum(a::float8 * a::float8) FROM unnest(c.embedding) AS one (a)))
            * sqrt((SELECT sum(b::float8 * b::float8) FROM unnest(${vector}::real[]) AS other (b))), 0))::float8 AS score
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = ${collectionId} AND c.embedding IS NOT NULL AND ${condition}
      ORDER BY score DESC NULLS LAST, c.position
      LIMIT ${limit}`;
  const { rows } = await connection.query<ScoreRow>(sql, parameters.values);
  return rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score ?? 0) }));
}
