/**
 * The schema, as numbered steps applied in order by `migrate.ts` and recorded in `andes_schema_migrations`. Never
 * edit a released step: add one. Times are ISO-8601 text, as the SQLite store keeps them, so records read back the
 * same from both stores.
 */
export const migrations: ReadonlyArray<{ version: number; description: string; statements: readonly string[] }> = [
  {
    version: 1,
    description: 'collections, documents, chunks with full-text vectors, assistants, conversations, API keys',
    statements: [
      `CREATE TABLE collections (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL UNIQUE,
        embedding_dimensions integer,
        embedding_model text,
        chunk_size integer,
        created_at text NOT NULL
      )`,
      `CREATE TABLE documents (
        id text PRIMARY KEY,
        collection_id integer NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        source text NOT NULL,
        title text NOT NULL,
        media_type text NOT NULL,
        content_hash text NOT NULL,
        chunk_count integer NOT NULL,
        ingested_at text NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        tags text[] NOT NULL DEFAULT '{}',
        access text[],
        UNIQUE (collection_id, source)
      )`,
      'CREATE INDEX documents_by_tags ON documents USING gin (tags)',
      'CREATE INDEX documents_by_access ON documents USING gin (access)',
      // `position` orders chunks as stored (ties in ranking); `embedding` is the source of truth for vectors, with
      // a pgvector HNSW index per collection over `embedding::vector(n)` where the extension is installed.
      `CREATE TABLE chunks (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        collection_id integer NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        chunk_index integer NOT NULL,
        text text NOT NULL,
        heading_path jsonb NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        page integer,
        embedding real[],
        search_vector tsvector NOT NULL
      )`,
      'CREATE INDEX chunks_by_document ON chunks (document_id, chunk_index)',
      'CREATE INDEX chunks_by_collection ON chunks (collection_id, position)',
      'CREATE INDEX chunks_by_search_vector ON chunks USING gin (search_vector)',
      `CREATE TABLE assistants (
        name text PRIMARY KEY,
        live_version integer NOT NULL,
        created_at text NOT NULL
      )`,
      `CREATE TABLE assistant_versions (
        assistant_name text NOT NULL REFERENCES assistants(name) ON DELETE CASCADE,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at text NOT NULL,
        PRIMARY KEY (assistant_name, version)
      )`,
      `CREATE TABLE conversations (
        id text PRIMARY KEY,
        owner text NOT NULL,
        assistant_name text,
        collection text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`,
      'CREATE INDEX conversations_by_owner ON conversations (owner, updated_at)',
      `CREATE TABLE conversation_messages (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role text NOT NULL,
        content text NOT NULL,
        assistant_name text,
        assistant_version integer,
        details jsonb NOT NULL DEFAULT '{}',
        prompt jsonb,
        feedback_rating text,
        feedback_comment text,
        feedback_at text,
        created_at text NOT NULL
      )`,
      'CREATE INDEX conversation_messages_by_conversation ON conversation_messages (conversation_id, position)',
      'CREATE INDEX conversation_messages_by_feedback ON conversation_messages (assistant_name, feedback_rating)',
      `CREATE TABLE api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        collections text[],
        groups text[] NOT NULL DEFAULT '{}',
        key_hash text NOT NULL UNIQUE,
        created_at text NOT NULL
      )`,
    ],
  },
];
