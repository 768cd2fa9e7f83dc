import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantDefinition, AssistantStore } from '@andes-rag/core';
import { expectAndesError } from './conformance-fixtures.js';

/** Opens a fresh, empty assistant store for one test; `cleanup` closes it and removes what it created. */
export type OpenAssistantStore = () => Promise<{ store: AssistantStore; cleanup: () => Promise<void> }>;

/** A small definition; `systemPrompt` tells versions apart. */
function definition(systemPrompt: string): AssistantDefinition {
  return {
    description: 'Answers HR questions',
    systemPrompt,
    collections: ['handbook'],
    retrieval: { k: 3, filter: { tags: ['hr'] }, rerank: false, threshold: { minTermCoverage: 0.5 } },
    generation: { temperature: 0.2, maxTokens: 64, stop: ['END'], seed: 7 },
    jsonSchema: { type: 'object', properties: { answer: { type: 'string' } } },
  };
}

/**
 * Registers the vitest suite every {@link AssistantStore} must pass: version 1 live at creation, immutable
 * versions, release and rollback, names taken once, unknown names, deletion. Call it at the top level of a test file.
 */
export function describeAssistantStoreConformance(name: string, openStore: OpenAssistantStore): void {
  describe(`AssistantStore conformance: ${name}`, () => {
    let opened: Awaited<ReturnType<OpenAssistantStore>> | undefined;
    beforeEach(async () => {
      opened = await openStore();
    });
    afterEach(async () => {
      await opened?.cleanup();
    });
    const store = (): AssistantStore => {
      if (!opened) throw new Error('The store is only open inside a test');
      return opened.store;
    };

    it('creates version 1, live at once, and keeps the definition as given', async () => {
      const created = await store().createAssistant('hr', definition('Be brief.'));
      expect(created).toMatchObject({ name: 'hr', liveVersion: 1, latestVersion: 1 });
      expect(created.live).toMatchObject({ ...definition('Be brief.'), name: 'hr', version: 1 });
      expect(await store().getAssistant('hr')).toEqual(created);
      await expectAndesError(store().createAssistant('hr', definition('Again.')), 'conflict');
    });

    it('adds versions without changing the live one, and releases any version (rollback included)', async () => {
      await store().createAssistant('hr', definition('one'));
      const second = await store().addAssistantVersion('hr', definition('two'));
      const third = await store().addAssistantVersion('hr', definition('three'));
      expect([second.version, third.version]).toEqual([2, 3]);
      expect(await store().getAssistant('hr')).toMatchObject({
        liveVersion: 1,
        latestVersion: 3,
        live: { systemPrompt: 'one' },
      });
      expect((await store().releaseAssistantVersion('hr', 3)).live.systemPrompt).toBe('three');
      expect((await store().releaseAssistantVersion('hr', 2)).liveVersion).toBe(2);
      const versions = await store().listAssistantVersions('hr');
      expect(versions.map((version) => [version.version, version.systemPrompt])).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ]);
      expect((await store().getAssistantVersion('hr', 1))?.systemPrompt).toBe('one');
      expect(await store().getAssistantVersion('hr', 9)).toBeUndefined();
      await expectAndesError(store().releaseAssistantVersion('hr', 9), 'not_found');
    });

    it('lists by name, refuses unknown names and deletes every version', async () => {
      await store().createAssistant('zeta', definition('z'));
      await store().createAssistant('alpha', definition('a'));
      expect((await store().listAssistants()).map((assistant) => assistant.name)).toEqual(['alpha', 'zeta']);
      await expectAndesError(store().addAssistantVersion('missing', definition('x')), 'not_found');
      await expectAndesError(store().listAssistantVersions('missing'), 'not_found');
      expect(await store().getAssistant('missing')).toBeUndefined();
      expect(await store().deleteAssistant('alpha')).toBe(true);
      expect(await store().deleteAssistant('alpha')).toBe(false);
      expect(await store().getAssistantVersion('alpha', 1)).toBeUndefined();
      const again = await store().createAssistant('alpha', definition('new'));
      expect(again.liveVersion).toBe(1);
    });
  });
}
