import type { ChatMessage } from '@andes-rag/core';

/** Most earlier messages of a conversation shown to the model when condensing a follow-up. */
export const maxHistoryMessages = 6;
/** Most characters of one earlier message shown to the model. */
export const maxHistoryMessageChars = 600;

/** Instructions for turning a follow-up into a question that stands on its own. */
export const condenseSystemPrompt =
  'Rewrite the last question of the conversation as one standalone question that can be understood without the ' +
  'conversation: replace pronouns and references with what they refer to, keep names, numbers and details. ' +
  'Reply with the question only.';

/** Instructions for writing alternative search queries (multi-query retrieval). */
export function multiQuerySystemPrompt(count: number): string {
  return (
    `Write ${count} different search queries that would find documents answering the question: use other words, ` +
    'synonyms and the terms a document would use. One query per line, no numbering, no other text.'
  );
}

/** Instructions for writing a hypothetical passage (HyDE: Gao et al. 2022). */
export const hypotheticalDocumentSystemPrompt =
  'Write a short passage, two or three sentences, that answers the question as a document on the topic would. ' +
  'If you do not know the facts, write a plausible passage anyway. Reply with the passage only.';

/** The conversation so far as one user message, then the follow-up question. */
export function condenseUserMessage(history: readonly ChatMessage[], question: string): string {
  const turns = history
    .filter((message) => message.role !== 'system' && message.content.trim() !== '')
    .slice(-maxHistoryMessages)
    .map((message) => `${message.role === 'user' ? 'User' : 'Assistant'}: ${clip(message.content.trim())}`);
  return `Conversation:\n${turns.join('\n')}\n\nLast question: ${question}\n\nStandalone question:`;
}

function clip(text: string): string {
  return text.length <= maxHistoryMessageChars ? text : `${text.slice(0, maxHistoryMessageChars)}…`;
}
