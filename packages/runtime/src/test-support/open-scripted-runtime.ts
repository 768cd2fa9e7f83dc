import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { noopLogger, type GenerateOptions } from '@andes-rag/core';
import { createDefaultParserRegistry } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { loadConfig, type AndesConfigInput } from '../config/andes-config.js';
import { AndesRuntime } from '../service/andes-runtime.js';
import { scriptedChatModel, type ScriptedChatModel, type ScriptedReplies } from './scripted-chat-model.js';

/** A runtime over a real store with a scripted chat model, and the options each generation got. */
export interface ScriptedRuntime {
  runtime: AndesRuntime;
  chatModel: ScriptedChatModel;
  /** Every `generate` call's options (signal and callbacks included), oldest first. */
  generateOptions: GenerateOptions[];
  /** Closes the runtime and removes its folder. */
  remove(): Promise<void>;
}

/**
 * Opens a runtime with assistants and conversations in a fresh data folder, a scripted chat model (see
 * `scripted-chat-model.ts`) and the `notes` collection (`vacation.md`, `vpn.md`), for unit tests of the wiring.
 */
export async function openScriptedRuntime(
  replies: ScriptedReplies,
  overrides: Partial<AndesConfigInput> = {},
): Promise<ScriptedRuntime> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-scripted-'));
  const scripted = scriptedChatModel(replies);
  const generateOptions: GenerateOptions[] = [];
  const chatModel: ScriptedChatModel = {
    ...scripted,
    generate: (messages, options = {}) => {
      generateOptions.push(options);
      return scripted.generate(messages, options);
    },
  };
  const store = await SqliteKnowledgeStore.open({ dataDir, logger: noopLogger });
  const config = loadConfig({ dataDir, threads: 1, gpu: 'cpu', ...overrides }, {});
  const models = { chatModel, embeddingModel: undefined, dispose: async () => {} };
  const runtime = new AndesRuntime({
    config,
    store,
    models,
    parsers: createDefaultParserRegistry(),
    logger: noopLogger,
    assistants: store.assistantStore(),
    conversations: store.conversationStore(),
  });
  const notes: Record<string, string> = {
    'vacation.md':
      '# Vacation\n\nFull-time employees get 25 days of paid time off per year. Request leave two weeks ahead.\n',
    'vpn.md':
      '# VPN\n\nConnect to the office network through the WireGuard VPN. Install it from the self-service portal.\n',
  };
  await runtime.ingest(
    'notes',
    Object.entries(notes).map(([source, text]) => ({ source, bytes: new TextEncoder().encode(text) })),
  );
  return {
    runtime,
    chatModel,
    generateOptions,
    remove: async () => {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
