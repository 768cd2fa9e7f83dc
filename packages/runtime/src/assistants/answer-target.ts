import type { AssistantVersion } from '@andes-rag/core';

/** What answers a question: a collection with the server's settings, or an assistant version. */
export type AnswerTarget =
  { collection: string; assistant?: undefined } | { assistant: AssistantVersion; collection?: undefined };

/** The collection a target answers from (an assistant's only collection in this version). */
export function targetCollection(target: AnswerTarget): string {
  return target.assistant === undefined ? target.collection : (target.assistant.collections[0] ?? '');
}
