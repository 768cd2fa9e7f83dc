import { z } from 'zod';

/** Most earlier messages accepted in an ask's `history`. */
export const maxHistoryMessages = 40;
/** Longest message accepted in an ask's `history`, in characters. */
export const maxHistoryMessageChars = 16_000;

/** The conversation before a question: user and assistant messages, oldest first. */
export const historySchema = z
  .array(
    z
      .object({
        role: z.enum(['user', 'assistant']),
        content: z.string().max(maxHistoryMessageChars),
      })
      .strict(),
  )
  .max(maxHistoryMessages);
