import type { DocumentRecord } from '@andes-rag/core';

/** One page of a collection's documents, as `GET /api/collections/:name/documents` answers. */
export interface DocumentPage {
  /** The page, in source order; each with `tags`, `warnings` and `access` (empty when every reader may). */
  documents: DocumentRecord[];
  /** How many documents match `q`, on every page. */
  total: number;
  offset: number;
  limit: number;
}

/** What to show of the list. */
export interface DocumentPageQuery {
  /** Case-insensitive substring of the source or the title. Default: every document. */
  q?: string;
  /** Matching documents to skip. Default 0. */
  offset?: number;
  /** Most documents on the page. Default: all the rest. */
  limit?: number;
}

/**
 * Searches and pages a collection's documents (already narrowed to those the caller may read). Lists are small
 * enough (one row per document) that filtering them here costs less than a query per page would save.
 */
export function documentPage(documents: readonly DocumentRecord[], query: DocumentPageQuery): DocumentPage {
  const needle = query.q?.trim().toLocaleLowerCase() ?? '';
  const matching =
    needle === ''
      ? documents
      : documents.filter(
          (document) =>
            document.source.toLocaleLowerCase().includes(needle) || document.title.toLocaleLowerCase().includes(needle),
        );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? Math.max(matching.length - offset, 0);
  return {
    documents: matching.slice(offset, offset + limit).map((document) => ({
      ...document,
      tags: document.tags ?? [],
      warnings: document.warnings ?? [],
      access: document.access ?? [],
    })),
    total: matching.length,
    offset,
    limit,
  };
}
