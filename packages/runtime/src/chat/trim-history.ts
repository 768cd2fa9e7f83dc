import type { ChatMessage, ChatModel } from '@andes-rag/core';

/** Tokens the chat template adds around each message (role header, end-of-turn), a generous estimate. */
export const templateTokensPerMessage = 8;

/**
 * The newest turns of `history` whose tokens, counted with the model's own tokenizer (template overhead included),
 * fit in `budget`; older turns are dropped first, whole. Keeps the order, oldest first.
 */
export function trimHistory(
  history: readonly ChatMessage[],
  chatModel: Pick<ChatModel, 'countTokens'>,
  budget: number,
): ChatMessage[] {
  const kept: ChatMessage[] = [];
  let used = 0;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const message = history[index];
    if (message === undefined) continue;
    const tokens = chatModel.countTokens(message.content) + templateTokensPerMessage;
    if (used + tokens > budget) break;
    used += tokens;
    kept.unshift(message);
  }
  return kept;
}
