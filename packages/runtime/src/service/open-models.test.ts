import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import { ensureTestModels, ensureTestReranker } from '@andes-rag/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type AndesConfig } from '../config/andes-config.js';
import { openModels } from './open-models.js';

/**
 * A logger that fires `controller` as the `occurrence`-th info message `abortOn` is logged, and keeps the info
 * messages logged once the signal has fired (all of them when it fired before).
 */
function cancellingLogger(controller: AbortController, abortOn: string, occurrence: number) {
  const afterAbort: string[] = [];
  let seen = 0;
  const logger: Logger = {
    ...noopLogger,
    info(message) {
      if (controller.signal.aborted) afterAbort.push(message);
      if (message === abortOn && ++seen === occurrence) controller.abort();
    },
  };
  return { logger, afterAbort };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('openModels cancelled by its signal', () => {
  let config: AndesConfig;

  beforeAll(async () => {
    const { chatModelPath, embeddingModelPath } = await ensureTestModels();
    const rerankModelPath = await ensureTestReranker();
    config = loadConfig({ modelPath: chatModelPath, embeddingModelPath, rerankModelPath, threads: 1, gpu: 'cpu' }, {});
  });

  // Each step the signal can land in: between loads, and while a model's context is created (after its weights).
  it.each([
    { step: 'before the chat model, as the backend is loaded', abortOn: 'llama.cpp backend loaded', occurrence: 1 },
    { step: 'while the chat context is created', abortOn: 'model loaded', occurrence: 1 },
    { step: 'while the embedding context is created', abortOn: 'model loaded', occurrence: 2 },
    { step: 'while the ranking context is created', abortOn: 'model loaded', occurrence: 3 },
  ])('$step: rejects with aborted, loads nothing further, logs the cancel', async ({ abortOn, occurrence }) => {
    const controller = new AbortController();
    const { logger, afterAbort } = cancellingLogger(controller, abortOn, occurrence);

    const error = await rejection(openModels(config, logger, controller.signal));

    expect(AndesError.isInstance(error) ? error.code : error).toBe('aborted');
    // Nothing is reported loaded or ready once the signal fired: the load stopped, and says it was cancelled.
    expect(afterAbort).toEqual(['model loading cancelled']);
  });

  it('loads nothing when the signal fired before it started', async () => {
    const controller = new AbortController();
    controller.abort();
    const { logger, afterAbort } = cancellingLogger(controller, 'none', 1);

    const error = await rejection(openModels(config, logger, controller.signal));

    expect(AndesError.isInstance(error) ? error.code : error).toBe('aborted');
    expect(afterAbort).toEqual(['model loading cancelled']);
  });
});
