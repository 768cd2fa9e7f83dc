import type { ChatMessage } from '@andes-rag/core';

/** Longest passage, in characters, shown to the model for one question. */
export const maxPassageCharacters = 1500;

/**
 * The chat that asks a model for one evaluation question about a passage: in a user's words (not the passage's
 * sentences), in the passage's language, answerable from the passage, the question alone as the reply.
 */
export function questionPrompt(title: string, passage: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You write test questions for a search engine over a document collection. Given a passage, write one question ' +
        "that a real user could ask and that this passage answers. Use the words a user would use, not the passage's own " +
        'sentences; do not mention "the passage" or "the document". Write in the language of the passage. Reply with the question only.',
    },
    { role: 'user', content: `Document: ${title}\n\nPassage:\n${passage.slice(0, maxPassageCharacters)}` },
  ];
}

/**
 * The question in a model's reply: its first non-empty line, without a leading label (`Question:`, `Q:`), list
 * marker or surrounding quotes, cut to 4,000 characters (the dataset's limit); empty when there is none.
 */
export function questionFromReply(reply: string): string {
  const line =
    reply
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text !== '') ?? '';
  return line
    .replace(/^(question|q|问题)\s*[:：]\s*/i, '')
    .replace(/^(\d+[.)]|[-*•])\s+/, '')
    .replace(/^["“'「](.*)["”'」]$/u, '$1')
    .trim()
    .slice(0, 4000);
}
