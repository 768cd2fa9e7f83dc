/** Where a chunk sits in its document: enough to point a citation at the exact passage. */
export interface ChunkProvenance {
  /** Headings enclosing the chunk, outermost first (e.g. `["Onboarding", "Laptops"]`). */
  headingPath: string[];
  /** Offset of the chunk's first character in the document's extracted text. */
  startOffset: number;
  /** Offset one past the chunk's last character. */
  endOffset: number;
  /** 1-based page number, for formats that have pages. */
  page?: number;
}

/** A piece of a document, as produced by a chunker (before storage). */
export interface ChunkDraft extends ChunkProvenance {
  /** Position of the chunk within its document, from 0. */
  index: number;
  /** The chunk's text, exactly `document.text.slice(startOffset, endOffset)` unless the chunker says otherwise. */
  text: string;
}

/** A stored chunk. */
export interface Chunk extends ChunkDraft {
  /** Stable id, unique within the store. */
  id: string;
  documentId: string;
  collection: string;
  /** The owning document's source path. */
  source: string;
  /** The owning document's title. */
  title: string;
  /** The owning document's media type. */
  mediaType: string;
}

/**
 * Conditions a chunk must meet to be retrieved. Stores apply a filter inside their search,
 * before ranking, never by trimming a top-k afterwards. Unset fields do not filter.
 */
export interface ChunkFilter {
  /** Only chunks whose document source starts with this prefix. */
  sourcePrefix?: string;
  /** Only chunks of documents with one of these media types. */
  mediaTypes?: string[];
  /** Only chunks of these documents. */
  documentIds?: string[];
  /**
   * Only chunks of documents that carry at least one of these tags (any-of; exact, case-sensitive match). Combine
   * with the other fields for AND. An empty array matches no chunk.
   */
  tags?: string[];
  /**
   * The caller's principals (`key:<id>`, `group:<name>`): only chunks of documents with no access list, or whose
   * access list names one of these. An empty array reads only documents without an access list. Unset: every
   * document (an admin). See `principalsOf` in `access.ts`.
   */
  principals?: string[];
}
