import { AndesError } from '@andes-rag/core';
import type { z } from 'zod';

/**
 * Validates request data (query, path parameters, JSON body) against a zod schema and returns the typed value.
 * Throws an AndesError `invalid_request` that names each problem, e.g. `q: Too small: expected string to have >=1 characters`.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, part: string): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || part}: ${issue.message}`);
  throw new AndesError('invalid_request', `Invalid ${part}: ${problems.join('; ')}`, { details: { problems } });
}
