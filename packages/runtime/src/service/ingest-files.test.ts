import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AndesError, noopLogger, type DocumentWrite, type KnowledgeStore } from '@andes-rag/core';
import { createDefaultParserRegistry, type ParserRegistry } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import type { IngestInput } from '../andes-service.js';
import { ingestFiles } from './ingest-files.js';

const file = (index: number): IngestInput => ({
  source: `notes/note-${index}.md`,
  bytes: new TextEncoder().encode(`# Note ${index}\n\nThe note number ${index} mentions the word marker${index}.\n`),
});

/** The real store, with every write call written into `events` as it returns. */
function recordingStore(store: SqliteKnowledgeStore, events: string[], refuse?: string): KnowledgeStore {
  const recording = Object.create(store) as KnowledgeStore;
  recording.putDocuments = async (writes: DocumentWrite[]) => {
    if (refuse && writes.some((write) => write.document.source === refuse))
      throw new AndesError('conflict', `refused ${refuse}`);
    const results = await store.putDocuments(writes);
    events.push(`commit ${writes.map((write) => write.document.source).join(' ')}`);
    return results;
  };
  recording.putDocument = async (write: DocumentWrite) => {
    if (write.document.source === refuse) throw new AndesError('conflict', `refused ${refuse}`);
    const result = await store.putDocument(write);
    events.push(`commit ${write.document.source}`);
    return result;
  };
  return recording;
}

describe('ingestFiles', () => {
  let dataDir: string;
  let store: SqliteKnowledgeStore;
  let parsers: ParserRegistry;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-ingest-files-'));
    store = await SqliteKnowledgeStore.open({ dataDir, logger: noopLogger });
    parsers = createDefaultParserRegistry({ processes: 2 });
  });
  afterEach(async () => {
    await parsers.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('commits documents in groups and reports each file only after its group is committed and searchable', async () => {
    const events: string[] = [];
    const inputs = Array.from({ length: 10 }, (_, index) => file(index));
    const results = await ingestFiles({
      store: recordingStore(store, events),
      embeddingModel: undefined,
      parsers,
      logger: noopLogger,
      collection: 'notes',
      inputs,
      documentsPerCommit: 4,
      onProgress: ({ source, done }) => {
        events.push(`report ${source}`);
        expect(done).toBe(events.filter((event) => event.startsWith('report')).length);
      },
    });
    const sources = inputs.map((input) => input.source);
    const group = (first: number, last: number) => [
      `commit ${sources.slice(first, last).join(' ')}`,
      ...sources.slice(first, last).map((source) => `report ${source}`),
    ];
    expect(events).toEqual([...group(0, 4), ...group(4, 8), ...group(8, 10)]);
    expect(results.map((result) => [result.source, result.status])).toEqual(
      sources.map((source) => [source, 'created']),
    );
    const [hit] = await store.searchLexical('notes', 'marker7', { k: 1 });
    expect((await store.getChunks('notes', [hit!.chunkId]))[0]?.source).toBe('notes/note-7.md');
  }, 60_000);

  it('fails only the file whose write is refused, and the one that cannot be parsed, storing the rest in order', async () => {
    const events: string[] = [];
    const unreadable: IngestInput = {
      source: 'notes/picture.md',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]),
    };
    const inputs = [file(0), unreadable, file(1), file(2)];
    const results = await ingestFiles({
      store: recordingStore(store, events, 'notes/note-1.md'),
      embeddingModel: undefined,
      parsers,
      logger: noopLogger,
      collection: 'notes',
      inputs,
    });
    expect(results.map((result) => [result.source, result.status, result.error?.code])).toEqual([
      ['notes/note-0.md', 'created', undefined],
      ['notes/picture.md', 'failed', 'unsupported_file_type'],
      ['notes/note-1.md', 'failed', 'conflict'],
      ['notes/note-2.md', 'created', undefined],
    ]);
    expect(events).toEqual(['commit notes/note-0.md', 'commit notes/note-2.md']);
    expect((await store.listDocuments('notes')).map((document) => document.source).sort()).toEqual([
      'notes/note-0.md',
      'notes/note-2.md',
    ]);
  }, 60_000);

  it('reports an unchanged file as unchanged without writing it', async () => {
    await ingestFiles({
      store,
      embeddingModel: undefined,
      parsers,
      logger: noopLogger,
      collection: 'notes',
      inputs: [file(0)],
    });
    const events: string[] = [];
    const results = await ingestFiles({
      store: recordingStore(store, events),
      embeddingModel: undefined,
      parsers,
      logger: noopLogger,
      collection: 'notes',
      inputs: [file(0), file(1)],
    });
    expect(results.map((result) => result.status)).toEqual(['unchanged', 'created']);
    expect(events).toEqual(['commit notes/note-1.md']);
  }, 60_000);
});
