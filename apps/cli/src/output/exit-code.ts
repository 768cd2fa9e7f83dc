import type { AndesErrorCode } from '@andes-rag/core';

const callerMistakes = new Set<AndesErrorCode>([
  'invalid_request',
  'collection_not_found',
  'not_found',
  'conflict',
  'unsupported_file_type',
  'payload_too_large',
  'model_not_found',
  'invalid_model_file',
  'context_overflow',
]);

/** Exit status for a failed command: 2 for the caller's mistakes (bad flag, path, name), 1 for everything else. */
export function exitCodeFor(code: AndesErrorCode): number {
  return callerMistakes.has(code) ? 2 : 1;
}
