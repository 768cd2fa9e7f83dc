import type { DocumentRecord, Hit } from '@andes-rag/core';

/** Looks a document up by collection and id (the store's `getDocument`). */
export type DocumentLookup = (collection: string, documentId: string) => Promise<DocumentRecord | undefined>;

/**
 * The hits with their documents' warning codes (`documentWarnings`), one lookup per distinct document, so the
 * answer prompt and the citations can say that a document had hidden text removed at ingestion.
 */
export async function withDocumentWarnings(
  hits: readonly Hit[],
  collection: string,
  lookup: DocumentLookup,
): Promise<Hit[]> {
  const documentIds = [...new Set(hits.map((hit) => hit.documentId))];
  const warnings = new Map<string, string[]>();
  for (const documentId of documentIds) {
    const codes = (await lookup(collection, documentId))?.warnings?.map((warning) => warning.code) ?? [];
    if (codes.length > 0) warnings.set(documentId, [...new Set(codes)]);
  }
  return hits.map((hit) => {
    const codes = warnings.get(hit.documentId);
    return codes === undefined ? hit : { ...hit, documentWarnings: codes };
  });
}
