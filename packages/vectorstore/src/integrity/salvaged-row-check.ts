/** Columns that must hold a JSON array, by table: a garbled page can yield rows whose bytes are no longer JSON. */
const jsonArrayColumns: Readonly<Record<string, readonly string[]>> = {
  documents: ['warnings', 'tags'],
  chunks: ['heading_path'],
};
const textColumns: Readonly<Record<string, readonly string[]>> = {
  collections: ['name', 'created_at'],
  documents: ['id', 'source', 'title', 'media_type', 'content_hash', 'ingested_at'],
  chunks: ['id', 'document_id', 'text'],
};
const integerColumns: Readonly<Record<string, readonly string[]>> = {
  collections: ['id', 'index_generation'],
  documents: ['collection_id', 'chunk_count'],
  chunks: ['rowid', 'collection_id', 'chunk_index', 'start_offset', 'end_offset'],
};

/**
 * True when a row read from a damaged page still has the types Andes wrote: SQLite returns whatever the bytes of a
 * garbled cell decode to, so a row is copied only when its text, integer and JSON columns are what they must be.
 * Tables without rules here (assistants, conversations) are copied as read.
 */
export function isPlausibleRow(table: string, row: Record<string, unknown>): boolean {
  for (const column of textColumns[table] ?? []) if (typeof row[column] !== 'string') return false;
  for (const column of integerColumns[table] ?? []) {
    const value = row[column] ?? row['__rowid'];
    if (typeof value !== 'number' && typeof value !== 'bigint') return false;
  }
  for (const column of jsonArrayColumns[table] ?? []) {
    const value = row[column];
    if (value === undefined) continue;
    try {
      if (typeof value !== 'string' || !Array.isArray(JSON.parse(value))) return false;
    } catch {
      return false;
    }
  }
  const embedding = row['embedding'];
  return embedding === undefined || embedding === null || embedding instanceof Uint8Array;
}
