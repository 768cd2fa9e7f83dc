import type { DocumentRecord, Hit } from '@andes-rag/core';

/** Looks a document up by collection and id (the store's `getDocument`). */
export type DocumentLookup = (collection: string, documentId: string) => Promise<DocumentRecord | undefined>;

/**
 * The hits with their documents' warning codes (`documentWarnings`), one lookup per distinct document (in the hit's
 * own `collection` when it names one, else `collection`), so the answer prompt and the citations can say that a
 * document had hidden text removed at ingestion.
 */
export async function withDocumentWarnings(
  hits: readonly Hit[],
  collection: string,
  lookup: DocumentLookup,
): Promise<Hit[]> {
  const keyOf = (hit: Hit) => `${hit.collection ?? collection}\u0000${hit.documentId}`;
  const warnings = new Map<string, string[]>();
  for (const hit of hits) {
    if (warnings.has(keyOf(hit))) continue;
    const document = await lookup(hit.collection ?? collection, hit.documentId);
    warnings.set(keyOf(hit), [...new Set(document?.warnings?.map((warning) => warning.code) ?? [])]);
  }
  return hits.map((hit) => {
    const codes = warnings.get(keyOf(hit)) ?? [];
    return codes.length === 0 ? hit : { ...hit, documentWarnings: codes };
  });
}
