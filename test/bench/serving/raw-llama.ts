import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChatMessage } from '@andes-rag/core';
import { repositoryRoot } from '../../support/repository.js';
// The test package does not depend on node-llama-cpp; the inference package does: types and code from its copy.
import type * as NodeLlamaCpp from '../../../packages/inference/node_modules/node-llama-cpp/dist/index.js';

/** One raw generation, timed from the call to its end (prompt evaluation included). */
export interface RawGeneration {
  text: string;
  tokens: number;
  milliseconds: number;
}

/** node-llama-cpp used directly, the plain way: one context, one sequence, one `LlamaChat`. */
export interface RawGenerator {
  /** The context window the model allows: the training context, capped like Andes caps it. */
  contextSize: number;
  countTokens(text: string): number;
  /** Greedy generation of at most `maxTokens` tokens. */
  generate(messages: readonly ChatMessage[], maxTokens: number): Promise<RawGeneration>;
  dispose(): Promise<void>;
}

/** Where the raw model runs: the CPU (default), or node-llama-cpp's own GPU choice with its own layer fitting. */
export interface RawGeneratorOptions {
  gpu?: 'cpu' | 'auto';
}

/**
 * Loads node-llama-cpp from the inference package's dependencies (the test package does not depend on it; a
 * bundled copy of a benchmark finds it by its package name instead) and opens `modelPath` with `threads` threads.
 */
export async function openRawGenerator(
  modelPath: string,
  threads: number,
  contextSize: number,
  options: RawGeneratorOptions = {},
): Promise<RawGenerator> {
  const { getLlama, LlamaChat, LlamaLogLevel } = await importNodeLlamaCpp();
  const gpu = options.gpu === 'auto' ? 'auto' : false;
  const llama = await getLlama({
    gpu,
    build: 'never',
    skipDownload: true,
    progressLogs: false,
    logLevel: LlamaLogLevel.error,
  });
  const model = await llama.loadModel({ modelPath, gpuLayers: gpu === false ? 0 : 'auto' });
  const size = Math.min(contextSize, model.trainContextSize);
  const context = await model.createContext({ sequences: 1, contextSize: size, threads });
  const chat = new LlamaChat({ contextSequence: context.getSequence() });
  return {
    contextSize: size,
    countTokens: (text) => model.tokenize(text).length,
    async generate(messages, maxTokens) {
      const history = messages.map((message) =>
        message.role === 'assistant'
          ? { type: 'model' as const, response: [message.content] }
          : { type: message.role, text: message.content },
      );
      let tokens = 0;
      const started = performance.now();
      const response = await chat.generateResponse([...history, { type: 'model', response: [] }], {
        maxTokens,
        temperature: 0,
        onToken: (generated) => (tokens += generated.length),
      });
      return { text: response.response, tokens, milliseconds: performance.now() - started };
    },
    async dispose() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

async function importNodeLlamaCpp(): Promise<typeof NodeLlamaCpp> {
  const entry = path.join(repositoryRoot, 'packages/inference/node_modules/node-llama-cpp/dist/index.js');
  const packageName = 'node-llama-cpp';
  const imported: unknown = await import(pathToFileURL(entry).href).catch(() => import(packageName));
  return imported as typeof NodeLlamaCpp;
}
