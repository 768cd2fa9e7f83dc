import type { ChunkFilter } from '@andes-rag/core';

/** A SQL condition over a document row `d`, with its named parameters. */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * One rule of a {@link ChunkFilter}: returns a condition when its field is set. A new kind of filter (per-user
 * access, tags) is one more entry in {@link filterRules}; both searches pick it up.
 */
type FilterRule = (filter: ChunkFilter) => SqlCondition | undefined;

const filterRules: readonly FilterRule[] = [
  ({ sourcePrefix }) =>
    sourcePrefix === undefined
      ? undefined
      : { sql: 'substr(d.source, 1, length(@sourcePrefix)) = @sourcePrefix', parameters: { sourcePrefix } },
  ({ mediaTypes }) =>
    mediaTypes === undefined
      ? undefined
      : {
          sql: 'd.media_type IN (SELECT value FROM json_each(@mediaTypes))',
          parameters: { mediaTypes: JSON.stringify(mediaTypes) },
        },
  ({ documentIds }) =>
    documentIds === undefined
      ? undefined
      : {
          sql: 'd.id IN (SELECT value FROM json_each(@documentIds))',
          parameters: { documentIds: JSON.stringify(documentIds) },
        },
  // Any-of: the document's tag array and the asked tags share at least one value.
  ({ tags }) =>
    tags === undefined
      ? undefined
      : {
          sql: 'EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value IN (SELECT value FROM json_each(@tags)))',
          parameters: { tags: JSON.stringify(tags) },
        },
  // Document access: no list (NULL) is readable by everyone; otherwise the list and the caller's principals meet.
  // The readable ids are one uncorrelated subquery, which SQLite evaluates once per search (over documents, not
  // once per chunk row) and probes as an index.
  ({ principals }) =>
    principals === undefined
      ? undefined
      : {
          sql: `d.access IS NULL OR d.id IN (
            SELECT readable.id FROM documents readable, json_each(readable.access) principal
             WHERE readable.access IS NOT NULL AND principal.value IN (SELECT value FROM json_each(@principals)))`,
          parameters: { principals: JSON.stringify(principals) },
        },
];

/** A whole {@link ChunkFilter} as SQL. */
export interface ChunkFilterSql extends SqlCondition {
  /** False when nothing filters (`sql` is then `1`). */
  restricts: boolean;
}

/**
 * The filter as one SQL condition over the alias `d` (documents), to be ANDed into a search that joins chunks `c`
 * with their documents `d`, or into a selection of documents (the vector search picks documents first). Rules
 * therefore use document columns only.
 * A set field filters even when empty: `mediaTypes: []` matches no chunk.
 */
export function chunkFilterSql(filter: ChunkFilter | undefined): ChunkFilterSql {
  const conditions = filter
    ? filterRules.map((rule) => rule(filter)).filter((condition) => condition !== undefined)
    : [];
  if (conditions.length === 0) return { sql: '1', parameters: {}, restricts: false };
  return {
    sql: conditions.map((condition) => `(${condition.sql})`).join(' AND '),
    parameters: Object.assign({}, ...conditions.map((condition) => condition.parameters)) as Record<string, unknown>,
    restricts: true,
  };
}
