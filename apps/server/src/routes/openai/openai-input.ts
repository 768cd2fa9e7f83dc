import { AndesError } from '@andes-rag/core';
import type { z } from 'zod';

/**
 * Validates an OpenAI request body and returns the typed value. Throws an AndesError `invalid_request` naming each
 * problem, with the first problem's field as `details.param` (e.g. `messages[0].role`), which OpenAI's error shape
 * reports as `param`.
 */
export function parseOpenAiInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => fieldPath(issue.path));
  const problems = parsed.error.issues.map((issue, index) => `${paths[index] || 'body'}: ${issue.message}`);
  throw new AndesError('invalid_request', `Invalid request: ${problems.join('; ')}`, {
    details: { problems, ...(paths[0] ? { param: paths[0] } : {}) },
  });
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
