import { describe, expect, it } from 'vitest';
import { countWordsAsTokens, makeHit } from '../test-support/make-hit.js';
import { buildAnswerPrompt } from './build-answer-prompt.js';

const words = (count: number, word = 'fact') => Array.from({ length: count }, () => word).join(' ');
const hits = [makeHit('a', words(50, 'alpha')), makeHit('b', words(50, 'beta'), { headingPath: ['Title b', 'Setup'] }), makeHit('c', words(50, 'gamma'))];
const base = { question: 'How is it set up?', countTokens: countWordsAsTokens, systemPrompt: 'Use the sources.', templateTokens: 0 };

describe('buildAnswerPrompt', () => {
  it('numbers every source in rank order, with title, headings and source, then asks the question', () => {
    const prompt = buildAnswerPrompt({ ...base, hits, contextSize: 1000, maxAnswerTokens: 100 });
    expect(prompt.sources.map((source) => source.chunkId)).toEqual(['a', 'b', 'c']);
    expect(prompt.messages[0]).toEqual({ role: 'system', content: 'Use the sources.' });
    const user = prompt.messages[1]?.content ?? '';
    expect(user).toContain(`[1] Title a (docs/a.md)\n${words(50, 'alpha')}`);
    expect(user).toContain('[2] Title b > Setup (docs/b.md)');
    expect(user.indexOf('[2]')).toBeLessThan(user.indexOf('[3]'));
    expect(user.endsWith('Question: How is it set up?')).toBe(true);
    expect(prompt.promptTokens).toBe(countWordsAsTokens('Use the sources.') + countWordsAsTokens(user));
  });

  it('drops the lowest-ranked sources until prompt plus answer fit the context', () => {
    // Sources a and c cost 54 words (header 4 + text 50), b 56 (its header has "> Setup"); system 3, "Sources:" 1, question 6.
    const prompt = buildAnswerPrompt({ ...base, hits, contextSize: 3 + 1 + 6 + 54 + 56 + 100, maxAnswerTokens: 100 });
    expect(prompt.sources.map((source) => source.chunkId)).toEqual(['a', 'b']);
    expect(prompt.promptTokens + 100).toBeLessThanOrEqual(220);
    expect(prompt.messages[1]?.content).not.toContain('gamma');
    const tighter = buildAnswerPrompt({ ...base, hits, contextSize: 219, maxAnswerTokens: 100 });
    expect(tighter.sources.map((source) => source.chunkId)).toEqual(['a']);
  });

  it('cuts the best source at a word boundary when it alone is too long', () => {
    const prompt = buildAnswerPrompt({ ...base, hits, contextSize: 3 + 1 + 6 + 4 + 20 + 100, maxAnswerTokens: 100 });
    expect(prompt.sources).toHaveLength(1);
    expect(prompt.sources[0]?.text).toBe(words(20, 'alpha'));
    expect(prompt.sources[0]?.endOffset).toBe(words(20, 'alpha').length);
  });

  it('throws context_overflow when the question alone does not fit', () => {
    expect(() => buildAnswerPrompt({ ...base, hits, contextSize: 105, maxAnswerTokens: 100 })).toThrow(
      expect.objectContaining({ code: 'context_overflow' }),
    );
  });

  it('counts a template allowance and uses the default system prompt', () => {
    const prompt = buildAnswerPrompt({ question: 'q?', hits: [], countTokens: countWordsAsTokens, contextSize: 200, maxAnswerTokens: 10 });
    expect(prompt.messages[0]?.content).toMatch(/only the numbered sources.*\[1\].*do not cover/s);
    expect(prompt.promptTokens).toBe(countWordsAsTokens(prompt.messages[0]?.content ?? '') + 32 + 2);
  });
});
