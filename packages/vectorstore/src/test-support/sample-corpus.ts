import type { DocumentWrite } from '@andes-rag/core';
import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';

/** The vector dimensions of {@link sampleCorpus}. */
export const sampleDimensions = 16;

/** `documents` small documents of three chunks each, with words to search for and a random vector per chunk. */
export function sampleCorpus(documents: number, collection = 'docs'): DocumentWrite[] {
  const topics = ['kerberos keytab', 'laptop refresh', 'expense policy', 'on-call rota', 'vpn certificate'];
  return Array.from({ length: documents }, (_, document) =>
    documentWrite({
      collection,
      source: `team/${document}.md`,
      title: `Note ${document}`,
      chunks: [0, 1, 2].map((position) => ({
        text: `Note ${document} part ${position} about the ${topics[(document + position) % topics.length]}.`,
        vector: randomUnitVector(sampleDimensions, document * 3 + position + 1),
      })),
    }),
  );
}
