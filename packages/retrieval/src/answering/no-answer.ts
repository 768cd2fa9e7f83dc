import type { Answer, AnswerMode } from '@andes-rag/core';

/** What Andes answers when retrieval found nothing to answer from. */
export const notCoveredAnswer = 'The documents in this collection do not cover this question.';

/** The "not covered" answer, with no citations, streamed once through `onTextChunk`. */
export function notCovered(mode: AnswerMode, onTextChunk: ((text: string) => void) | undefined): Answer {
  onTextChunk?.(notCoveredAnswer);
  return { answer: notCoveredAnswer, mode, citations: [] };
}
