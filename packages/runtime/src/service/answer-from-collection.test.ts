import { ensureTestReranker } from '@andes-rag/testing';
import { notCoveredAnswer } from '@andes-rag/retrieval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../test-support/open-test-runtime.js';

// Real runtime over the tiny models (random weights): checks what ask does with the relevance verdict, history and
// the reranker, not the quality of the generated text.
describe('ask and explainSearch on the runtime, with the tiny chat model, embedding model and reranker', () => {
  let test: TestRuntime;
  beforeAll(async () => {
    test = await openTestRuntime({ rerankModelPath: await ensureTestReranker(), rerankCandidates: 5 });
  });
  afterAll(async () => test?.remove());

  it('says the documents do not cover a question nothing relevant was found for, without generating', async () => {
    const streamed: string[] = [];
    const answer = await test.runtime.ask({
      collection: 'notes',
      question: 'Who won the 1998 World Cup?',
      onTextChunk: (text) => streamed.push(text),
    });
    expect(answer).toEqual({ answer: notCoveredAnswer, mode: 'generative', citations: [] });
    expect(streamed).toEqual([notCoveredAnswer]);
  });

  it('answers a covered question from the sources, and reports the reranker', async () => {
    const answer = await test.runtime.ask({
      collection: 'notes',
      question: 'How many vacation days do employees get?',
      k: 2,
    });
    expect(answer.mode).toBe('generative');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(test.runtime.readiness().rerankModel).toBe('andes-tiny-qwen3-reranker.v1');
  });

  it('explains a search through BM25, dense, fusion, document-aware ranking and rerank, with the threshold verdict', async () => {
    const { hits, trace, covered } = await test.runtime.explainSearch({
      collection: 'notes',
      query: 'WireGuard VPN portal',
      k: 2,
    });
    expect(trace.stages.map((stage) => stage.name)).toEqual(['lexical', 'dense', 'fusion', 'document', 'rerank']);
    expect(trace.rerankCandidates).toBe(5);
    expect(hits[0]?.score).toBe(trace.stages[4]?.candidates[0]?.score);
    expect(covered).toBe(true);
    expect(trace.threshold.signal).toBe('term-coverage');
  });

  it('rewrites a follow-up with the history before searching, and says what it searched', async () => {
    const history = [
      { role: 'user' as const, content: 'How many vacation days do employees get?' },
      { role: 'assistant' as const, content: '25 days [1].' },
    ];
    const answer = await test.runtime.ask({
      collection: 'notes',
      question: 'And how early must I request them?',
      history,
      k: 2,
    });
    // The tiny model's rewrite is noise: either it wrote something (then it is reported) or the question stood.
    if (answer.standaloneQuestion !== undefined)
      expect(answer.standaloneQuestion).not.toBe('And how early must I request them?');
    expect(['generative']).toContain(answer.mode);
  });
});

describe('ask without a chat model (extractive)', () => {
  let test: TestRuntime;
  beforeAll(async () => {
    test = await openTestRuntime({ modelPath: undefined, embeddingModelPath: undefined });
  });
  afterAll(async () => test?.remove());

  it('also says the documents do not cover an off-topic question instead of showing passages', async () => {
    expect(test.runtime.readiness()).toMatchObject({ chatModel: null, rerankModel: null });
    const answer = await test.runtime.ask({ collection: 'notes', question: 'What is the capital of Australia?' });
    expect(answer).toEqual({ answer: notCoveredAnswer, mode: 'extractive', citations: [] });
    const covered = await test.runtime.ask({
      collection: 'notes',
      question: 'how do I connect to the office network?',
    });
    expect(covered.citations[0]?.source).toBe('vpn.md');
  });
});
