import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import type { ChatRequest } from './chat-request.js';
import { openTestRuntime, type TestRuntime } from '../test-support/open-test-runtime.js';

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return AndesError.isInstance(error) ? error.code : `not an AndesError: ${String(error)}`;
}

describe('limits: one sequence, one waiting place', () => {
  let opened: TestRuntime;
  let request: (signal?: AbortSignal) => ChatRequest;

  beforeAll(async () => {
    opened = await openTestRuntime(
      { chatSequences: 1, maxQueuedRequests: 1, maxAnswerTokens: 2000 },
      { embedding: false },
    );
    const model = opened.runtime.readiness().chatModel ?? '';
    request = (signal) => ({
      model,
      messages: [{ role: 'user', content: 'Tell me a long story' }],
      ...(signal ? { signal } : {}),
    });
  });
  afterAll(async () => {
    await opened?.remove();
  });

  it('queues one request behind the busy sequence and refuses the next with queue_full', async () => {
    const running = new AbortController();
    const waiting = new AbortController();
    const first = opened.runtime.chat(request(running.signal));
    const second = opened.runtime.chat(request(waiting.signal));
    expect(await rejectionCode(opened.runtime.chat(request()))).toBe('queue_full');
    waiting.abort();
    expect(await rejectionCode(second)).toBe('aborted');
    running.abort();
    expect(await rejectionCode(first)).toBe('aborted');
    const next = await opened.runtime.chat({ ...request(), generation: { maxTokens: 4 } });
    expect(next.completionTokens).toBeGreaterThan(0);
  });

  it('frees the sequence after many generations cancelled mid-stream: no "No sequences left"', async () => {
    for (let round = 0; round < 8; round += 1) {
      const controller = new AbortController();
      const chunks: string[] = [];
      const running = opened.runtime.chat({
        ...request(controller.signal),
        onTextChunk: (text) => {
          chunks.push(text);
          if (chunks.length === 2) controller.abort();
        },
      });
      expect(await rejectionCode(running)).toBe('aborted');
    }
    const after = await opened.runtime.chat({ ...request(), generation: { maxTokens: 4 } });
    expect(after.completionTokens).toBeGreaterThan(0);
  });
});

describe('limits: request timeout', () => {
  let opened: TestRuntime;

  beforeAll(async () => {
    opened = await openTestRuntime({ requestTimeoutMs: 1, maxAnswerTokens: 1000 }, { embedding: false });
  });
  afterAll(async () => {
    await opened?.remove();
  });

  it('ends a generation past requestTimeoutMs with timeout, for chat and ask', async () => {
    const model = opened.runtime.readiness().chatModel ?? '';
    expect(
      await rejectionCode(
        opened.runtime.chat({ model, messages: [{ role: 'user', content: 'Tell me a long story' }] }),
      ),
    ).toBe('timeout');
    expect(await rejectionCode(opened.runtime.ask({ collection: 'notes', question: 'How do I use the VPN?' }))).toBe(
      'timeout',
    );
  });
});

describe('closing while a prompt is evaluating', () => {
  it('cancels the generation and closes without crashing', async () => {
    const opened = await openTestRuntime({}, { embedding: false });
    const model = opened.runtime.readiness().chatModel ?? '';
    const running = opened.runtime.chat({
      model,
      messages: [{ role: 'user', content: 'lorem ipsum dolor sit amet '.repeat(250) }],
    });
    const settled = running.then(
      () => 'finished',
      (error: unknown) => (AndesError.isInstance(error) ? error.code : 'crashed'),
    );
    // One macrotask: the generation has its sequence and llama.cpp is evaluating the ~1,500-token prompt.
    await new Promise((resolve) => setImmediate(resolve));
    await opened.remove();
    expect(['finished', 'aborted', 'not_ready']).toContain(await settled);
  });
});
