import { InvalidArgumentError } from 'commander';
import { principalPattern } from '@andes-rag/core';
import { collectTags } from './retrieval/collect-tags.js';

/**
 * Commander's collector for a repeatable `--access PRINCIPAL` flag (`group:hr`, `key:<id>`, comma-separated
 * allowed). A malformed principal is refused before anything is read.
 */
export function collectAccess(value: string, previous: string[] = []): string[] {
  const principals = collectTags(value, previous);
  const malformed = principals.find((principal) => !principalPattern.test(principal));
  if (malformed !== undefined) throw new InvalidArgumentError(`"${malformed}" is not group:<name> or key:<id>`);
  return principals;
}
