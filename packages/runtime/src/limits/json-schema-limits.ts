import { maxJsonSchemaCharacters, maxJsonSchemaDepth, maxJsonSchemaEnumValues } from './request-limits.js';

/**
 * Why a JSON schema for constrained output is too large to turn into a grammar, or undefined when it is fine.
 * The grammar is built and applied at every sampled token, so its size is the cost: a 20,000-value enum took 25 s and
 * stalled the server. Checked: serialized size ({@link maxJsonSchemaCharacters}), values in any one `enum` and in
 * all of them together ({@link maxJsonSchemaEnumValues}), and nesting depth ({@link maxJsonSchemaDepth}).
 */
export function jsonSchemaProblem(schema: unknown): string | undefined {
  const serialized = JSON.stringify(schema) ?? '';
  if (serialized.length > maxJsonSchemaCharacters) {
    return `The JSON schema is ${serialized.length} characters long; at most ${maxJsonSchemaCharacters} are accepted.`;
  }
  let enumValues = 0;
  const visit = (value: unknown, depth: number): string | undefined => {
    if (depth > maxJsonSchemaDepth) return `The JSON schema nests deeper than ${maxJsonSchemaDepth} levels.`;
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Array.isArray(value)) {
      const values: unknown = (value as Record<string, unknown>)['enum'];
      if (Array.isArray(values)) {
        enumValues += values.length;
        if (values.length > maxJsonSchemaEnumValues) {
          return `An enum in the JSON schema has ${values.length} values; at most ${maxJsonSchemaEnumValues} are accepted.`;
        }
        if (enumValues > maxJsonSchemaEnumValues) {
          return `The JSON schema's enums have more than ${maxJsonSchemaEnumValues} values together.`;
        }
      }
    }
    for (const child of Object.values(value)) {
      const problem = visit(child, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  return visit(schema, 0);
}
