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
  /**
   * For formats with pages (PDF): the offset in {@link SourceDocument.text} where each page starts, page 1 first.
   * Chunkers cut at these offsets and record each chunk's page. Undefined for formats without pages.
   */
  pageStarts?: number[];
  /** What parsing found worth telling a person: hidden text removed, a misleading file name. Absent when none. */
  warnings?: DocumentWarning[];
  /**
   * Labels a person gave the document at ingestion (`andes ingest --tag`, the upload's `tags` field), for
   * filtering (`ChunkFilter.tags`). Absent means none. Storing the same source again replaces them, even when
   * its content is unchanged.
   */
  tags?: string[];
  /**
   * Who may read the document: principals `group:<name>` or `key:<id>` (`andes ingest --access`, the upload's
   * `access` field). Absent or empty means every reader of its collection. Storing the same source again replaces it.
   */
  access?: string[];
}

/**
 * Why a document was flagged while parsing. Codes are part of the public contract: add codes; never rename one.
 * - `hidden_text`: text styled to be invisible (display:none, white on white, zero-size, off-page, hidden Word runs)
 *   was removed from what is indexed.
 * - `invisible_characters`: zero-width, bidirectional-control or Unicode tag characters were removed.
 * - `media_type_mismatch`: the file name or declared type said one format, the content was another; it was parsed
 *   as what it is.
 * - `missing_text_layer`: some pages (of a PDF) have no extractable text, e.g. scanned images.
 * - `boilerplate_removed`: page furniture (navigation, headers, footers, sidebars, text outside the main content) was
 *   left out of an HTML page; `details` says how many words (`visibleWords`, `keptWords`, `droppedWords`,
 *   `droppedTextRatio`).
 * - `most_text_removed`: the same, when more than half of the page's visible words were left out: worth checking
 *   that the main text was kept.
 */
export type DocumentWarningCode =
  | 'hidden_text'
  | 'invisible_characters'
  | 'media_type_mismatch'
  | 'missing_text_layer'
  | 'boilerplate_removed'
  | 'most_text_removed';

/** Something parsing found and acted on, shown with the document (e.g. `GET /api/collections/:name/documents`). */
export interface DocumentWarning {
  code: DocumentWarningCode;
  /** A sentence for people, e.g. `Removed 2 hidden passages (81 characters): "Ignore all previous…"`. */
  message: string;
  /** Figures behind the message, for programs (e.g. `droppedTextRatio` for `boilerplate_removed`). Absent when none. */
  details?: Record<string, number>;
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
  /** The warnings parsing raised (see {@link SourceDocument.warnings}). The SQLite store always sets it, `[]` when none. */
  warnings?: DocumentWarning[];
  /** The document's tags (see {@link SourceDocument.tags}). The SQLite store always sets it, `[]` when none. */
  tags?: string[];
  /** Who may read it (see {@link SourceDocument.access}); absent when every reader of the collection may. */
  access?: string[];
}
