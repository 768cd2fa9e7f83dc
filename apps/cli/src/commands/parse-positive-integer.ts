import { InvalidArgumentError } from 'commander';

/** Commander parser for flags like `--k 10`: a whole number of at least 1. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}
