/** A document as it arrives for ingestion, before chunking. */
export interface SourceDocument {
  /** Where the document came from: the path it was ingested from (CLI) or the uploaded file name (HTTP). Its identity within a collection. */
  source: string;
  /** A human title: the first heading, the HTML `<title>`, or the file name. */
  title: string;
  /** Media type of the original file, e.g. `text/markdown`. */
  mediaType: string;
  /** The extracted plain text; chunk offsets point into it. */
  text: string;
  /** Hex SHA-256 of the original bytes: the document's version. */
  contentHash: string;
}

/** A stored document. */
export interface DocumentRecord {
  /** Stable id, unique within the store. */
  id: string;
  /** The collection it belongs to. */
  collection: string;
  source: string;
  title: string;
  mediaType: string;
  contentHash: string;
  /** How many chunks it was split into. */
  chunkCount: number;
  /** ISO-8601 time it was (last) stored. */
  ingestedAt: string;
}
