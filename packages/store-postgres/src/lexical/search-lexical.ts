import type { ChunkFilter, ScoredChunkId } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import { chunkFilterSql } from '../filters/chunk-filter-sql.js';
import { SqlParameters } from '../filters/sql-parameters.js';
import { searchQueryLiteral } from './search-query-literal.js';

/**
 * Full-text search in one collection: chunks whose `search_vector` matches the question's terms, ranked by
 * `ts_rank_cd` (cover density: more, and closer, query terms rank higher) normalised by the chunk's length
 * (normalisation 1: divided by 1 + log of its length, as BM25 discounts long texts). The filter is part of the
 * same statement, so only matching chunks are ranked. Empty when the question has nothing to search for.
 */
export async function searchLexical(
  client: SqlQueryable,
  collectionId: number,
  question: string,
  k: number,
  filter: ChunkFilter | undefined,
): Promise<ScoredChunkId[]> {
  const query = searchQueryLiteral(question);
  if (query === undefined) return [];
  const parameters = new SqlParameters();
  const collection = parameters.add(collectionId);
  const tsquery = `${parameters.add(query)}::tsquery`;
  const condition = chunkFilterSql(filter, parameters);
  const { rows } = await client.query<{ chunkId: string; score: number }>(
    `SELECT c.id AS "chunkId", ts_rank_cd(c.search_vector, ${tsquery}, 1)::float8 AS score
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = ${collection} AND c.search_vector @@ ${tsquery} AND ${condition}
      ORDER BY score DESC, c.position
      LIMIT ${parameters.add(k)}`,
    parameters.values,
  );
  return rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score) }));
}
