import type Database from 'better-sqlite3';
import type { IntegrityProblem } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';
import { ftsTableName } from '../lexical/fts-table.js';
import { problemIf, reindexHint } from './integrity-problem.js';

/** What {@link checkCollectionRecords} counted and found. */
export interface CollectionRecordCounts {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  lexicalRows: number;
  problems: IntegrityProblem[];
}

interface Counts {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  lexicalRows: number;
  chunksWithoutDocument: number;
  wrongChunkCounts: number;
  badEmbeddings: number;
  lexicalRowsWithoutChunk: number;
  chunksWithoutLexicalRow: number;
}

/**
 * Checks one collection's records against each other in SQL: every chunk has its document (in the same
 * collection), every document's chunk count is true, every embedding has the collection's dimensions, and the FTS5
 * table holds exactly the collection's chunks and passes FTS5's own integrity check.
 */
export function checkCollectionRecords(database: Database.Database, row: CollectionRow): CollectionRecordCounts {
  const table = ftsTableName(row.id);
  const counts = prepared(
    database,
    `SELECT
       (SELECT COUNT(*) FROM documents WHERE collection_id = @id) AS documents,
       (SELECT COUNT(*) FROM chunks WHERE collection_id = @id) AS chunks,
       (SELECT COUNT(*) FROM chunks WHERE collection_id = @id AND embedding IS NOT NULL) AS embeddedChunks,
       (SELECT COUNT(*) FROM ${table}) AS lexicalRows,
       (SELECT COUNT(*) FROM chunks c WHERE c.collection_id = @id AND NOT EXISTS
          (SELECT 1 FROM documents d WHERE d.id = c.document_id AND d.collection_id = c.collection_id))
         AS chunksWithoutDocument,
       (SELECT COUNT(*) FROM documents d WHERE d.collection_id = @id AND d.chunk_count !=
          (SELECT COUNT(*) FROM chunks c WHERE c.document_id = d.id)) AS wrongChunkCounts,
       (SELECT COUNT(*) FROM chunks WHERE collection_id = @id AND embedding IS NOT NULL
          AND (@dimensions IS NULL OR length(embedding) != 4 * @dimensions)) AS badEmbeddings,
       (SELECT COUNT(*) FROM ${table} WHERE rowid NOT IN (SELECT rowid FROM chunks WHERE collection_id = @id))
         AS lexicalRowsWithoutChunk,
       (SELECT COUNT(*) FROM chunks WHERE collection_id = @id AND rowid NOT IN (SELECT rowid FROM ${table}))
         AS chunksWithoutLexicalRow`,
  ).get({ id: row.id, dimensions: row.embedding_dimensions }) as Counts;
  const name = row.name;
  const problems = [
    ...problemIf(counts.chunksWithoutDocument, name, 'chunk-without-document', 'chunks point to a missing document'),
    ...problemIf(counts.wrongChunkCounts, name, 'document-chunk-count', 'documents record a wrong chunk count'),
    ...problemIf(counts.badEmbeddings, name, 'embedding-size', "embeddings do not have the collection's dimensions"),
    ...problemIf(
      counts.lexicalRowsWithoutChunk,
      name,
      'lexical-row-without-chunk',
      `lexical index rows point to a missing chunk; ${reindexHint}`,
    ),
    ...problemIf(
      counts.chunksWithoutLexicalRow,
      name,
      'chunk-missing-from-lexical-index',
      `chunks are missing from the lexical index; ${reindexHint}`,
    ),
    ...ftsIntegrityProblems(database, table, name),
  ];
  return { ...counts, problems };
}

function ftsIntegrityProblems(database: Database.Database, table: string, collection: string): IntegrityProblem[] {
  try {
    database.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
    return [];
  } catch (error) {
    const message = `the lexical index fails FTS5's integrity check (${String(error)}); ${reindexHint}`;
    return [{ collection, check: 'lexical-index-corrupt', count: 1, message }];
  }
}
