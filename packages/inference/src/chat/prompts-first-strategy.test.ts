import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { BatchItem, Llama, LlamaModel, Token } from 'node-llama-cpp';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { createPromptsFirstStrategy } from './prompts-first-strategy.js';

/** A queued item of `length` tokens with logits on its last token, like a generation's evaluation. */
function item(length: number, evaluationPriority: BatchItem['evaluationPriority'] = 5): BatchItem {
  const tokens = Array.from({ length }, (_, index) => index as Token);
  return { tokens, logits: tokens.map((_, index) => (index === length - 1 ? true : undefined)), evaluationPriority };
}

describe('createPromptsFirstStrategy', () => {
  it('puts every decode item into the batch when no prompt waits', () => {
    const decodes = [item(1), item(1), item(1)];
    expect(createPromptsFirstStrategy()({ items: decodes, size: 512 })).toEqual(
      decodes.map((decode) => ({ item: decode, processAmount: 1 })),
    );
  });

  it('dispatches only the prompts while any is queued, leaving decode items out', () => {
    const [decode, prompt, otherDecode, otherPrompt] = [item(1), item(16), item(1), item(9)];
    const batch = createPromptsFirstStrategy()({ items: [decode!, prompt!, otherDecode!, otherPrompt!], size: 512 });
    expect(batch).toEqual([
      { item: prompt, processAmount: 16 },
      { item: otherPrompt, processAmount: 9 },
    ]);
  });

  it('fills the batch in priority order, then arrival order, splitting a prompt that does not fit', () => {
    const [first, second, urgent] = [item(300, 1), item(300, 1), item(100, 5)];
    expect(createPromptsFirstStrategy()({ items: [first!, second!, urgent!], size: 512 })).toEqual([
      { item: urgent, processAmount: 100 },
      { item: first, processAmount: 300 },
      { item: second, processAmount: 112 },
    ]);
  });

  it('never makes a decode item wait two batches in a row: a long prompt takes turns with the generations', () => {
    const strategy = createPromptsFirstStrategy();
    const [decode, longPrompt] = [item(1), item(1500)];
    expect(strategy({ items: [decode!, longPrompt!], size: 512 })).toEqual([{ item: longPrompt, processAmount: 512 }]);
    const [stillDecoding, restOfPrompt] = [item(1), item(988)];
    expect(strategy({ items: [stillDecoding!, restOfPrompt!], size: 512 })).toEqual([
      { item: stillDecoding, processAmount: 1 },
      { item: restOfPrompt, processAmount: 511 },
    ]);
    const [nextDecode, lastOfPrompt] = [item(1), item(477)];
    expect(strategy({ items: [nextDecode!, lastOfPrompt!], size: 512 })).toEqual([
      { item: lastOfPrompt, processAmount: 477 },
    ]);
  });

  it('goes back to prompts first once the decode items have had their batch', () => {
    const strategy = createPromptsFirstStrategy();
    strategy({ items: [item(1), item(16)], size: 512 });
    strategy({ items: [item(1)], size: 512 });
    const [decode, prompt] = [item(1), item(12)];
    expect(strategy({ items: [decode!, prompt!], size: 512 })).toEqual([{ item: prompt, processAmount: 12 }]);
  });
});

describe('the prompts-first strategy in a node-llama-cpp context of the tiny Llama 3 test model', () => {
  let llama: Llama;
  let model: LlamaModel;

  beforeAll(async () => {
    llama = await loadLlamaBackend({ gpu: 'cpu' });
    model = await llama.loadModel({ modelPath: (await ensureTestModels()).chatModelPath });
  });

  afterAll(async () => {
    await model?.dispose();
    await llama?.dispose();
  });

  it("evaluates a new prompt in a batch of its own, before a running generation's next token", async () => {
    // Batches start only when the test says so, so that both evaluations are queued when the batch is made.
    const scheduled: (() => void)[] = [];
    const dispatchQueued = async () => {
      await new Promise((resolve) => setImmediate(resolve)); // the evaluations queue their tokens in microtasks
      for (const dispatch of scheduled.splice(0)) dispatch();
    };
    const batches: { queued: number[]; dispatched: number[] }[] = [];
    const strategy = createPromptsFirstStrategy();
    const context = await model.createContext({
      sequences: 2,
      contextSize: 256,
      threads: 1,
      batching: {
        dispatchSchedule: (dispatch) => scheduled.push(dispatch),
        itemPrioritizationStrategy: (options) => {
          const batch = strategy(options);
          batches.push({
            queued: options.items.map((queued) => queued.tokens.length),
            dispatched: batch.map((chosen) => chosen.processAmount),
          });
          return batch;
        },
      },
    });
    try {
      const running = context.getSequence();
      const arriving = context.getSequence();
      const primed = running.evaluateWithoutGeneratingNewTokens(model.tokenize('Tell me about llamas.'));
      await dispatchQueued();
      await primed;
      batches.length = 0;

      const order: string[] = [];
      const generation = running.evaluate([model.tokenize(' They')[0]!]);
      const prompt = arriving.evaluate(model.tokenize('Where do llamas live?'));
      const nextToken = generation.next().then(() => order.push('decode'));
      const firstToken = prompt.next().then(() => order.push('prompt'));
      await dispatchQueued();
      await Promise.all([nextToken, firstToken]);
      await Promise.all([generation.return(), prompt.return()]);

      const promptLength = model.tokenize('Where do llamas live?').length;
      expect(batches).toEqual([
        { queued: [1, promptLength], dispatched: [promptLength] },
        { queued: [1], dispatched: [1] },
      ]);
      expect(order).toEqual(['prompt', 'decode']);
    } finally {
      await context.dispose();
    }
  });
});
