import type { ChatMessage, Citation } from '@andes-rag/core';

const system =
  'You grade the answers of a question-answering system. Reply with a single digit from 1 to 5 and nothing else.';

/** Messages asking how much of `answer` the cited sources support (1 = none of it, 5 = all of it). */
export function faithfulnessPrompt(answer: string, sources: readonly Pick<Citation, 'n' | 'text'>[]): ChatMessage[] {
  const blocks = sources.map((source) => `[${source.n}] ${source.text}`).join('\n\n');
  return [
    { role: 'system', content: system },
    {
      role: 'user',
      content:
        `Sources:\n${blocks}\n\nAnswer:\n${answer}\n\n` +
        'How much of the answer is supported by the sources? 5 = every claim is supported, 1 = none is. ' +
        'Reply with one digit.',
    },
  ];
}

/** Messages asking how well `answer` addresses `question` (1 = not at all, 5 = fully and directly). */
export function answerRelevancePrompt(question: string, answer: string): ChatMessage[] {
  return [
    { role: 'system', content: system },
    {
      role: 'user',
      content:
        `Question:\n${question}\n\nAnswer:\n${answer}\n\n` +
        'How well does the answer address the question? 5 = fully and directly, 1 = not at all. Reply with one digit.',
    },
  ];
}

/** The judge's grade as a score from 0 to 1 (`(digit − 1) / 4` of the first digit 1–5 it wrote), or null. */
export function parseGrade(output: string): number | null {
  const digit = /[1-5]/.exec(output)?.[0];
  return digit === undefined ? null : (Number(digit) - 1) / 4;
}
