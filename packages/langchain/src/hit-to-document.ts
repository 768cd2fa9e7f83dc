import { Document } from '@langchain/core/documents';
import type { Chunk, Hit } from '@andes-rag/core';

/** Metadata every LangChain document made from an Andes chunk carries. */
export interface AndesDocumentMetadata {
  source: string;
  chunkId: string;
  documentId: string;
  title: string;
  headingPath: string[];
  startOffset: number;
  endOffset: number;
  page?: number;
  score?: number;
}

/** Turns a retrieved Andes hit or a stored chunk into a LangChain `Document` that keeps its provenance. */
export function toLangChainDocument(item: Hit | Chunk, score?: number): Document<AndesDocumentMetadata> {
  const chunkId = 'chunkId' in item ? item.chunkId : item.id;
  const metadata: AndesDocumentMetadata = {
    source: item.source,
    chunkId,
    documentId: item.documentId,
    title: item.title,
    headingPath: item.headingPath,
    startOffset: item.startOffset,
    endOffset: item.endOffset,
    ...(item.page === undefined ? {} : { page: item.page }),
    ...(score === undefined ? {} : { score }),
  };
  return new Document({ pageContent: item.text, metadata, id: chunkId });
}
