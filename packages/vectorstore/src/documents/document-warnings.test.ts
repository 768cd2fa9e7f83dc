import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentWarning } from '@andes-rag/core';
import { documentWrite } from '@andes-rag/store-conformance';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';

const hidden: DocumentWarning = {
  code: 'hidden_text',
  message: 'Removed 1 hidden passage (42 characters) that a reader would not see.',
};

describe('document warnings in the SQLite store', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('stores the warnings parsing raised, lists them, and replaces them with the document', async () => {
    const directory = await temporaryDataDir();
    const store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    cleanup = async () => {
      await store.close();
      await directory.cleanup();
    };
    const write = documentWrite({
      source: 'hidden.html',
      title: 'Parking',
      chunks: [{ text: 'Staff park on level two.' }],
    });
    const created = await store.putDocument({ ...write, document: { ...write.document, warnings: [hidden] } });
    expect(created.document.warnings).toEqual([hidden]);
    expect((await store.listDocuments('docs'))[0]?.warnings).toEqual([hidden]);
    expect((await store.getDocument('docs', created.document.id))?.warnings).toEqual([hidden]);

    const clean = documentWrite({
      source: 'hidden.html',
      title: 'Parking',
      chunks: [{ text: 'Staff park on level three.' }],
    });
    const updated = await store.putDocument(clean);
    expect(updated.document.warnings).toEqual([]);
    expect((await store.findDocumentBySource('docs', 'hidden.html'))?.warnings).toEqual([]);
  });

  it('upgrades a schema-1 database in place: its documents stay and get no warnings', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const first = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    await first.putDocument(
      documentWrite({ source: 'old.md', title: 'Old', chunks: [{ text: 'Written before warnings existed.' }] }),
    );
    await first.close();
    const raw = new Database(path.join(directory.dataDir, 'andes.db'));
    raw.exec('ALTER TABLE documents DROP COLUMN warnings');
    raw.exec('ALTER TABLE documents DROP COLUMN tags');
    raw.pragma('user_version = 1');
    raw.close();

    const upgraded = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    expect((await upgraded.listDocuments('docs')).map((document) => [document.source, document.warnings])).toEqual([
      ['old.md', []],
    ]);
    await upgraded.close();
  });
});
