import { AndesError } from '@andes-rag/core';

/**
 * The tokens a request may generate: what it asked for, or `defaultTokens` when it asked for nothing. A request
 * above `ceiling` (the chat model's context where one is loaded, else `defaultTokens`) is refused rather than
 * silently cut: AndesError `invalid_request` with `param: max_tokens`, as is one that is not a positive whole number.
 * A request within the ceiling may still end early with finish reason `length` when the prompt leaves less room.
 */
export function resolveMaxTokens(
  requested: number | undefined,
  defaultTokens: number,
  ceiling = defaultTokens,
): number {
  if (requested === undefined) return Math.min(defaultTokens, ceiling);
  if (!Number.isInteger(requested) || requested < 1) {
    throw new AndesError('invalid_request', `maxTokens must be a positive whole number, got ${requested}.`, {
      details: { param: 'max_tokens' },
    });
  }
  if (requested > ceiling) {
    throw new AndesError(
      'invalid_request',
      `max_tokens ${requested} is more than this model can generate: at most ${ceiling} (its context window, prompt included).`,
      { details: { param: 'max_tokens', maxTokens: ceiling } },
    );
  }
  return requested;
}
