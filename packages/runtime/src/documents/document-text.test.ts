import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentRecord } from '@andes-rag/core';
import { chunkDocument } from '@andes-rag/retrieval';
import { documentTextFromChunks } from './document-text.js';

const record: DocumentRecord = {
  id: 'doc_1',
  collection: 'handbook',
  source: 'policies/travel.md',
  title: 'Travel',
  mediaType: 'text/markdown',
  contentHash: 'hash',
  chunkCount: 0,
  ingestedAt: '2026-01-01T00:00:00.000Z',
};

const sentence = (topic: string, position: number) =>
  `Rule ${position} says the ${topic} allowance is reviewed by finance every quarter.`;
const paragraph = (topic: string) => Array.from({ length: 9 }, (_, position) => sentence(topic, position)).join(' ');
const original = [
  '# Travel',
  '',
  paragraph('hotel'),
  '',
  '## Meals',
  '',
  paragraph('meal'),
  '',
  'Table 1: daily caps',
  '| city | cap |',
  '| --- | --- |',
  ...Array.from({ length: 30 }, (_, position) => `| city ${position} | ${100 + position} euros per night |`),
  '',
  '## Trains 🚆',
  '',
  `   ${paragraph('train')}   `,
  '',
].join('\n');

/** The chunks the real chunker cuts, stored as the store returns them. */
function storedChunks(text: string, targetWords: number): Chunk[] {
  return chunkDocument(
    { text, mediaType: 'text/markdown' },
    { targetWords, overlapWords: Math.floor(targetWords / 5) },
  ).map((draft) => ({
    ...draft,
    id: `chk_${draft.index}`,
    documentId: record.id,
    collection: record.collection,
    source: record.source,
    title: record.title,
    mediaType: record.mediaType,
  }));
}

describe('documentTextFromChunks', () => {
  it.each([20, 60, 400])(
    'rebuilds the text so each chunk’s offsets point at its passage (target %i words)',
    (targetWords) => {
      const chunks = storedChunks(original, targetWords);
      const rebuilt = documentTextFromChunks(record, chunks.toReversed());
      expect(rebuilt).toMatchObject({ documentId: 'doc_1', source: 'policies/travel.md', title: 'Travel' });
      expect(rebuilt.chunks.map((chunk) => chunk.chunkId)).toEqual(chunks.map((chunk) => chunk.id));
      for (const chunk of rebuilt.chunks) {
        expect(rebuilt.text.slice(chunk.start, chunk.end)).toBe(original.slice(chunk.start, chunk.end));
      }
      // Every visible character is where it was; only whitespace between chunks may differ.
      expect(rebuilt.text.replace(/\s/g, ' ')).toBe(original.trimEnd().replace(/\s/g, ' '));
      expect(rebuilt.chunks.some((chunk) => chunk.headingPath.includes('Meals'))).toBe(true);
    },
  );

  it('gives an empty text for a document without chunks', () => {
    expect(documentTextFromChunks(record, [])).toMatchObject({ text: '', chunks: [] });
  });
});
