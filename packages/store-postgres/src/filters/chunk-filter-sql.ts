import type { ChunkFilter } from '@andes-rag/core';
import type { SqlParameters } from './sql-parameters.js';

/**
 * A {@link ChunkFilter} as one SQL condition over the documents alias `d`, to be ANDed into a search that joins
 * chunks `c` with their documents `d`, so filters apply inside the search, before ranking. A set field filters even
 * when empty (`mediaTypes: []` matches nothing). Returns `true` when nothing filters.
 */
export function chunkFilterSql(filter: ChunkFilter | undefined, parameters: SqlParameters): string {
  if (!filter) return 'true';
  const conditions: string[] = [];
  if (filter.sourcePrefix !== undefined) {
    conditions.push(`starts_with(d.source, ${parameters.add(filter.sourcePrefix)})`);
  }
  if (filter.mediaTypes !== undefined)
    conditions.push(`d.media_type = ANY(${parameters.add(filter.mediaTypes)}::text[])`);
  if (filter.documentIds !== undefined) conditions.push(`d.id = ANY(${parameters.add(filter.documentIds)}::text[])`);
  // Any-of: the document's tags and the asked tags overlap (GIN index on documents.tags).
  if (filter.tags !== undefined) conditions.push(`d.tags && ${parameters.add(filter.tags)}::text[]`);
  // No access list (NULL) is readable by every reader; otherwise the list and the caller's principals overlap.
  if (filter.principals !== undefined) {
    conditions.push(`(d.access IS NULL OR d.access && ${parameters.add(filter.principals)}::text[])`);
  }
  return conditions.length === 0 ? 'true' : conditions.map((condition) => `(${condition})`).join(' AND ');
}
