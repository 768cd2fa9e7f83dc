import type { AssistantVersion } from '@andes-rag/core';

/** What answers a question: a collection with the server's settings, or an assistant version. */
export type AnswerTarget =
  { collection: string; assistant?: undefined } | { assistant: AssistantVersion; collection?: undefined };

/** The collection a target answers from: its own, or an assistant's first (the others: {@link targetCollections}). */
export function targetCollection(target: AnswerTarget): string {
  return target.assistant === undefined ? target.collection : (target.assistant.collections[0] ?? '');
}

/** Every collection an assistant answers from, searched together; undefined for a plain collection target. */
export function targetCollections(target: AnswerTarget): readonly string[] | undefined {
  return target.assistant?.collections;
}
