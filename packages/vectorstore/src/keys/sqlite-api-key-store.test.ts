import { afterEach, describe, expect, it } from 'vitest';
import { openRawDatabase } from '../test-support/raw-database.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';

describe('SqliteApiKeyStore', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('creates a key whose secret authenticates, stores only its hash, lists without secrets, and revokes at once', async () => {
    const opened = await openTemporaryStore();
    cleanup = opened.cleanup;
    const keys = opened.store.apiKeyStore();
    const created = await keys.create({
      name: 'hr-bot',
      role: 'reader',
      collections: ['handbook'],
      groups: ['hr', 'hr'],
    });
    expect(created).toMatchObject({ name: 'hr-bot', role: 'reader', collections: ['handbook'], groups: ['hr'] });
    expect(created.key).toMatch(/^andes_[A-Za-z0-9_-]{43}$/);
    const other = await keys.create({ name: 'admin', role: 'admin' });
    expect(other.collections).toBeNull();

    expect((await keys.authenticate(created.key))?.id).toBe(created.id);
    expect(await keys.authenticate(`${created.key}x`)).toBeUndefined();
    expect(await keys.authenticate('')).toBeUndefined();
    const listed = await keys.list();
    expect(listed.map((key) => key.id).sort()).toEqual([created.id, other.id].sort());
    expect(JSON.stringify(listed)).not.toContain(created.key);

    await opened.store.close();
    const database = openRawDatabase(opened.dataDir);
    const stored = JSON.stringify(database.prepare('SELECT * FROM api_keys').all());
    database.close();
    expect(stored).not.toContain(created.key);
    expect(stored).not.toContain(created.key.slice(6, 30));

    const reopened = await SqliteKnowledgeStore.open({ dataDir: opened.dataDir });
    const reopenedKeys = reopened.apiKeyStore();
    expect((await reopenedKeys.authenticate(created.key))?.groups).toEqual(['hr']);
    expect(await reopenedKeys.revoke(created.id)).toBe(true);
    expect(await reopenedKeys.revoke(created.id)).toBe(false);
    expect(await reopenedKeys.authenticate(created.key)).toBeUndefined();
    await reopened.close();
  });
});
