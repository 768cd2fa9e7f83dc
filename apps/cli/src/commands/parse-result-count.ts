import { InvalidArgumentError } from 'commander';
import { maxResultCount, resultCountProblem } from '@andes-rag/runtime';

/** Commander parser for `--k`: a whole number from 1 to `maxResultCount`, the same bound as the HTTP API's `k`. */
export function parseResultCount(value: string): number {
  const parsed = Number(value);
  if (resultCountProblem(parsed) !== undefined)
    throw new InvalidArgumentError(`expected a whole number from 1 to ${maxResultCount}`);
  return parsed;
}
