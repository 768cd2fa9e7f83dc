import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { documentWrite } from '@andes-rag/store-conformance';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';

describe('document tags in the SQLite store', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('stores tags trimmed, deduplicated and sorted', async () => {
    const directory = await temporaryDataDir();
    const store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    cleanup = async () => {
      await store.close();
      await directory.cleanup();
    };
    const write = documentWrite({
      source: 'a.md',
      tags: [' hr ', 'policy', 'hr', ''],
      chunks: [{ text: 'Leave policy.' }],
    });
    expect((await store.putDocument(write)).document.tags).toEqual(['hr', 'policy']);
    const again = documentWrite({ source: 'a.md', tags: ['policy', 'hr'], chunks: [{ text: 'Leave policy.' }] });
    expect((await store.putDocument(again)).status).toBe('unchanged');
  });

  it('upgrades a schema-2 database in place: its documents stay, untagged', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const first = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    await first.putDocument(documentWrite({ source: 'old.md', chunks: [{ text: 'Written before tags existed.' }] }));
    await first.close();
    const raw = new Database(path.join(directory.dataDir, 'andes.db'));
    raw.exec('ALTER TABLE documents DROP COLUMN tags');
    raw.pragma('user_version = 2');
    raw.close();

    const upgraded = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    expect((await upgraded.listDocuments('docs')).map((document) => [document.source, document.tags])).toEqual([
      ['old.md', []],
    ]);
    expect(await upgraded.searchLexical('docs', 'tags', { k: 5, filter: { tags: ['any'] } })).toEqual([]);
    expect(await upgraded.searchLexical('docs', 'tags', { k: 5 })).toHaveLength(1);
    await upgraded.close();
  });
});
