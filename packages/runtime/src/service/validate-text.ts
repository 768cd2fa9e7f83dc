import { AndesError } from '@andes-rag/core';

/** Trims `text` and checks it is non-empty and at most `maxChars` long; else an `invalid_request` naming `field`. */
export function validateText(field: string, text: unknown, maxChars: number): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new AndesError('invalid_request', `${field} must be a non-empty string`);
  }
  const trimmed = text.trim();
  if (trimmed.length > maxChars) {
    throw new AndesError('invalid_request', `${field} is ${trimmed.length} characters; the limit is ${maxChars}`, {
      details: { limit: maxChars, length: trimmed.length },
    });
  }
  return trimmed;
}
