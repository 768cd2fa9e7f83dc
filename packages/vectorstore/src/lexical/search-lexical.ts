import type Database from 'better-sqlite3';
import type { ChunkFilter, ScoredChunkId } from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';
import { chunkFilterSql } from '../filters/chunk-filter-sql.js';
import { ftsTableName } from './fts-table.js';
import { buildFtsQuery } from './fts-query.js';

/**
 * BM25 search in one collection's FTS5 table. The filter is part of the same SQL statement, so only matching chunks
 * are ranked. Scores are `-bm25()`: higher is better. Empty when the query has nothing left to search for.
 */
export function searchLexical(
  database: Database.Database,
  collectionId: number,
  query: string,
  k: number,
  filter: ChunkFilter | undefined,
): ScoredChunkId[] {
  const match = buildFtsQuery(query);
  if (match === undefined) return [];
  const table = ftsTableName(collectionId);
  const condition = chunkFilterSql(filter);
  return prepared(
    database,
    `SELECT c.id AS chunkId, -bm25(${table}) AS score
       FROM ${table}
       JOIN chunks c ON c.rowid = ${table}.rowid
       JOIN documents d ON d.id = c.document_id
      WHERE ${table} MATCH @match AND ${condition.sql}
      ORDER BY bm25(${table}), c.rowid
      LIMIT @k`,
  ).all({ ...condition.parameters, match, k }) as ScoredChunkId[];
}
