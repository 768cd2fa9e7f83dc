import type { DocumentWrite } from '@andes-rag/core';
import { sampleCorpus } from './sample-corpus.js';

/** {@link sampleCorpus} without embeddings: documents as stored before an embedding model was configured. */
export function documentsWithoutVectors(documents: number, collection = 'docs'): DocumentWrite[] {
  return sampleCorpus(documents, collection).map((write) => ({
    collection: write.collection,
    document: write.document,
    chunks: write.chunks,
  }));
}
