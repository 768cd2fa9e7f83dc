import { describe, expect, it } from 'vitest';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { openRawDatabase } from '../test-support/raw-database.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';

describe('schema 5 upgrade', () => {
  it('adds the assistant and conversation tables to a schema-4 database', async () => {
    const directory = await temporaryDataDir();
    try {
      await (await SqliteKnowledgeStore.open({ dataDir: directory.dataDir })).close();
      const raw = openRawDatabase(directory.dataDir);
      for (const table of ['conversation_messages', 'conversations', 'assistant_versions', 'assistants'])
        raw.exec(`DROP TABLE ${table}`);
      raw.pragma('user_version = 4');
      raw.close();
      const upgraded = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
      const created = await upgraded.assistantStore().createAssistant('hr', {
        description: '',
        systemPrompt: '',
        collections: ['docs'],
        retrieval: {},
        generation: {},
      });
      const conversation = await upgraded.conversationStore().createConversation({ owner: 'local', assistant: 'hr' });
      expect(created.liveVersion).toBe(1);
      expect(await upgraded.conversationStore().listConversations('local')).toEqual([conversation]);
      await upgraded.close();
    } finally {
      await directory.cleanup();
    }
  });
});
