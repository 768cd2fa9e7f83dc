import { AndesError } from '@andes-rag/core';

/** Keywords node-llama-cpp turns into grammar rules, and annotations that constrain nothing. */
const understoodKeywords = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'format',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  '$defs',
  '$ref',
  '$schema',
  '$id',
  'title',
  'description',
  'default',
  'examples',
  '$comment',
]);
/** A schema needs one of these to say what to generate (node-llama-cpp reads a schema without them as `null`). */
const constrainingKeywords = ['type', 'enum', 'const', 'oneOf', 'anyOf', '$ref', 'properties', 'items', 'prefixItems'];
/** String formats node-llama-cpp has grammars for; other formats are annotations and are dropped. */
const grammarFormats = new Set(['date-time', 'date', 'time']);

/**
 * A copy of a JSON schema in the form node-llama-cpp's `createGrammarForJsonSchema` reads correctly:
 * - `anyOf` becomes `oneOf` (a grammar that produces one alternative satisfies both);
 * - `type: [a, b]` becomes `oneOf` of one schema per type (node-llama-cpp only handles lists of scalar types);
 * - `properties` / `items` without a `type` get `object` / `array`; `items: true` is left out (any items);
 * - string formats other than date-time, date and time are dropped (formats only annotate by default).
 * Keywords node-llama-cpp would silently ignore (`minimum`, `pattern`, `allOf`, `not`, …) are refused with
 * AndesError `invalid_request`, because the answer would not be guaranteed to match them.
 */
export function toGrammarSchema(schema: unknown, path = '#'): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return invalid(path, 'a schema must be an object');
  if (!constrainingKeywords.some((keyword) => keyword in schema)) {
    return invalid(path, `a schema must state one of ${constrainingKeywords.join(', ')}`);
  }
  const { type, ...rest } = schema as Record<string, unknown>;
  if (Array.isArray(type)) {
    return { oneOf: type.map((single, index) => toGrammarSchema({ ...rest, type: single }, `${path}/type/${index}`)) };
  }
  const result: Record<string, unknown> = type === undefined ? {} : { type };
  for (const [keyword, value] of Object.entries(rest)) {
    const at = `${path}/${keyword}`;
    if (!understoodKeywords.has(keyword)) return invalid(at, `keyword "${keyword}" cannot be enforced by a grammar`);
    if (keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'prefixItems') {
      if (!Array.isArray(value)) return invalid(at, 'must be an array of schemas');
      result[keyword === 'anyOf' ? 'oneOf' : keyword] = value.map((item: unknown, index) =>
        toGrammarSchema(item, `${at}/${index}`),
      );
    } else if (keyword === 'properties' || keyword === '$defs') {
      if (typeof value !== 'object' || value === null) return invalid(at, 'must be an object of schemas');
      result[keyword] = Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, toGrammarSchema(item, `${at}/${key}`)]),
      );
    } else if (keyword === 'items') {
      if (value !== true) result[keyword] = toGrammarSchema(value, at);
    } else if (keyword === 'additionalProperties') {
      result[keyword] = typeof value === 'boolean' ? value : toGrammarSchema(value, at);
    } else if (keyword !== 'format' || grammarFormats.has(String(value))) result[keyword] = value;
  }
  if (result['type'] === undefined && 'properties' in result) result['type'] = 'object';
  if (result['type'] === undefined && ('items' in rest || 'prefixItems' in rest)) result['type'] = 'array';
  return result;
}

function invalid(path: string, reason: string): never {
  throw new AndesError('invalid_request', `Unsupported JSON schema at ${path}: ${reason}`, {
    details: { schemaPath: path },
  });
}
