import { AndesError } from '@andes-rag/core';

/**
 * The tokens a request may generate: what it asked for, capped by the configured `limit`; the limit when it asked
 * for nothing. Throws AndesError `invalid_request` for a request that is not a positive whole number.
 */
export function resolveMaxTokens(requested: number | undefined, limit: number): number {
  if (requested === undefined) return limit;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new AndesError('invalid_request', `maxTokens must be a positive whole number, got ${requested}.`);
  }
  return Math.min(requested, limit);
}
