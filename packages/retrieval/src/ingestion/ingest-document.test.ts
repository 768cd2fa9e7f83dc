import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParserRegistry } from '../parsing/parser-registry.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { ingestDocument } from './ingest-document.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('ingestDocument into a real SQLite store', () => {
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await openTemporaryStore()));
  afterEach(async () => cleanup());

  it('parses, chunks and stores every file, creating the collection', async () => {
    for (const file of handbookFiles()) {
      const result = await ingestDocument({ store, collection: 'handbook', ...file });
      expect(result.status, file.source).toBe('created');
      expect(result.document.chunkCount, file.source).toBeGreaterThan(0);
    }
    const documents = await store.listDocuments('handbook');
    expect(documents.map((document) => [document.source, document.mediaType, document.title]).sort()).toEqual([
      ['benefits/parental-leave.txt', 'text/plain', 'Parental leave'], // its first line, followed by a blank line
      ['engineering/deploys.md', 'text/markdown', 'Deployment Guide'],
      ['finance/expenses.html', 'text/html', 'Travel Expenses'],
      ['handbook/vacation.md', 'text/markdown', 'Vacation and Time Off'],
      ['it/vpn.md', 'text/markdown', 'Connecting to the VPN'],
      ['security/passwords.md', 'text/markdown', 'Password Policy'],
    ]);
    const vpn = documents.find((document) => document.source === 'it/vpn.md');
    const hits = await store.searchLexical('handbook', 'WireGuard router', { k: 5 });
    const [chunk] = await store.getChunks('handbook', [hits[0]?.chunkId ?? '']);
    expect(chunk).toMatchObject({ documentId: vpn?.id, headingPath: ['Connecting to the VPN', 'Troubleshooting'] });
  });

  it('returns unchanged for the same bytes without parsing again, and replaces a changed file', async () => {
    const first = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'notes.md',
      bytes: encode('# Notes\n\nThe cafeteria opens at eight.'),
    });
    const noParsers = new ParserRegistry();
    const again = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'notes.md',
      bytes: encode('# Notes\n\nThe cafeteria opens at eight.'),
      parsers: noParsers,
    });
    expect(again).toEqual({ document: first.document, status: 'unchanged' });

    const changed = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'notes.md',
      bytes: encode('# Notes\n\nThe gym opens at seven.'),
    });
    expect(changed.status).toBe('updated');
    expect(await store.searchLexical('handbook', 'cafeteria', { k: 5 })).toEqual([]);
    expect(await store.searchLexical('handbook', 'gym', { k: 5 })).toHaveLength(1);
    expect(await store.listDocuments('handbook')).toHaveLength(1);
  });

  it('stores the tags given, and updates only the tags when an unchanged file is ingested with others', async () => {
    const bytes = encode('# Parking\n\nStaff park on level two of the garage.');
    const created = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'parking.md',
      bytes,
      tags: ['facilities'],
    });
    expect(created.document.tags).toEqual(['facilities']);
    const hits = await store.searchLexical('handbook', 'garage', { k: 5, filter: { tags: ['facilities'] } });
    expect(hits).toHaveLength(1);

    const same = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'parking.md',
      bytes,
      tags: [' facilities'],
    });
    expect(same.status).toBe('unchanged');
    const retagged = await ingestDocument({
      store,
      collection: 'handbook',
      source: 'parking.md',
      bytes,
      tags: ['staff', 'cars'],
    });
    expect(retagged.status).toBe('updated');
    expect(retagged.document).toMatchObject({
      id: created.document.id,
      chunkCount: created.document.chunkCount,
      tags: ['cars', 'staff'],
    });
    expect(await store.searchLexical('handbook', 'garage', { k: 5, filter: { tags: ['facilities'] } })).toEqual([]);
    expect(await store.searchLexical('handbook', 'garage', { k: 5, filter: { tags: ['staff'] } })).toEqual(hits);
    const untagged = await ingestDocument({ store, collection: 'handbook', source: 'parking.md', bytes });
    expect(untagged.document.tags).toEqual([]);
  });

  it('stores nothing for an unsupported file or a cancelled ingestion', async () => {
    const image = ingestDocument({
      store,
      collection: 'handbook',
      source: 'scan.md',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
    });
    await expect(image).rejects.toMatchObject({ code: 'unsupported_file_type' });
    const controller = new AbortController();
    controller.abort();
    const cancelled = ingestDocument({
      store,
      collection: 'handbook',
      source: 'a.md',
      bytes: encode('# A\n\ntext'),
      signal: controller.signal,
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    expect(await store.getCollection('handbook')).toBeUndefined();
  });
});
