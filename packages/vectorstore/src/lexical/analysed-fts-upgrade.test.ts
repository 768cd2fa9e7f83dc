import { afterEach, describe, expect, it } from 'vitest';
import { documentWrite } from '@andes-rag/store-conformance';
import { openRawDatabase } from '../test-support/raw-database.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { schemaUpgrades } from '../database/schema.js';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { ftsTableName } from './fts-table.js';

describe('the schema-4 upgrade to analysed FTS5 text', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('fills existing FTS5 tables again, so Chinese text written before the analyser is found', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const first = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    await first.putDocument(documentWrite({ source: 'model.md', chunks: [{ text: '该模型采用SwiGLU激活函数。' }] }));
    await first.close();

    // What a schema-3 store held: the raw text in the FTS5 column, no chunk_size column; then the upgrade's steps.
    const raw = openRawDatabase(directory.dataDir);
    const table = ftsTableName(1);
    raw.exec(`DELETE FROM ${table}`);
    raw.prepare(`INSERT INTO ${table} (rowid, body) VALUES (1, ?)`).run('model.md\n该模型采用SwiGLU激活函数。');
    raw.exec('ALTER TABLE collections DROP COLUMN chunk_size');
    expect(raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH '"SwiGLU"'`).all()).toEqual([]);
    for (const step of schemaUpgrades[3] ?? []) {
      if (typeof step === 'string') raw.exec(step);
      else step(raw);
    }
    raw.close();

    const upgraded = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    expect(await upgraded.searchLexical('docs', 'SwiGLU', { k: 5 })).toHaveLength(1);
    expect(await upgraded.searchLexical('docs', '激活函数是什么', { k: 5 })).toHaveLength(1);
    expect(await upgraded.getCollection('docs')).not.toHaveProperty('chunkSize');
    await upgraded.close();
  });
});
