import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AndesError, type DocumentRecord } from '@andes-rag/core';
import type { AndesService } from '@andes-rag/runtime';
import { removeMissingDocuments } from './remove-missing-documents.js';

/** Just the two calls sync makes, over an in-memory list: the code around the service is under test here. */
function serviceWith(sources: string[]): { service: AndesService; remaining: () => string[] } {
  let documents = sources.map((source, index) => ({ id: `doc_${index}`, source }) as DocumentRecord);
  const service = {
    listDocuments: async () => documents,
    deleteDocument: async (_collection: string, id: string) => {
      const before = documents.length;
      documents = documents.filter((document) => document.id !== id);
      return documents.length < before;
    },
  } as unknown as AndesService;
  return { service, remaining: () => documents.map((document) => document.source) };
}

describe('removeMissingDocuments', () => {
  it('removes only documents under the synced folders whose files were not found', async () => {
    const elsewhere = path.resolve('/tmp/elsewhere/file.md');
    const { service, remaining } = serviceWith([
      'docs/kept.md',
      'docs/gone.md',
      'docs/team/gone-too.md',
      'docs-archive/sibling.md',
      'notes/other.md',
      'uploaded.md',
      elsewhere,
    ]);
    const removed = await removeMissingDocuments(service, 'default', ['docs'], new Set(['docs/kept.md']));
    expect(removed.map((document) => document.source)).toEqual(['docs/gone.md', 'docs/team/gone-too.md']);
    expect(remaining()).toEqual([
      'docs/kept.md',
      'docs-archive/sibling.md',
      'notes/other.md',
      'uploaded.md',
      elsewhere,
    ]);
  });

  it('matches absolute sources against a relative folder and the reverse', async () => {
    const absolute = path.resolve('docs/gone.md');
    const { service, remaining } = serviceWith([absolute, 'docs/also-gone.md']);
    await removeMissingDocuments(service, 'default', [path.resolve('docs')], new Set());
    expect(remaining()).toEqual([]);
  });

  it('treats a collection that does not exist yet as empty', async () => {
    const service = {
      listDocuments: async () => {
        throw new AndesError('collection_not_found', 'none');
      },
    } as unknown as AndesService;
    expect(await removeMissingDocuments(service, 'missing', ['docs'], new Set())).toEqual([]);
  });
});
