import { describe, expect, it } from 'vitest';
import { jsonSchemaProblem } from './json-schema-limits.js';
import {
  maxJsonSchemaCharacters,
  maxJsonSchemaDepth,
  maxJsonSchemaEnumValues,
  maxResultCount,
} from './request-limits.js';
import { resultCountProblem } from './request-limits.js';

const enumOf = (count: number) => ({ enum: Array.from({ length: count }, (_, index) => index) });

describe('JSON schema limits', () => {
  it('accepts an ordinary schema', () => {
    expect(
      jsonSchemaProblem({ type: 'object', properties: { answer: { type: 'string' }, level: enumOf(3) } }),
    ).toBeUndefined();
  });

  it('bounds the serialized size', () => {
    const schema = { type: 'object', description: 'x'.repeat(maxJsonSchemaCharacters) };
    expect(jsonSchemaProblem(schema)).toContain(`at most ${maxJsonSchemaCharacters}`);
  });

  it('bounds one enum and all enums together', () => {
    expect(jsonSchemaProblem({ properties: { a: enumOf(maxJsonSchemaEnumValues) } })).toBeUndefined();
    expect(jsonSchemaProblem({ properties: { a: enumOf(maxJsonSchemaEnumValues + 1) } })).toContain('An enum');
    const half = Math.ceil((maxJsonSchemaEnumValues + 1) / 2);
    expect(jsonSchemaProblem({ properties: { a: enumOf(half), b: enumOf(half) } })).toContain('together');
  });

  it('bounds the nesting depth', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < maxJsonSchemaDepth; level++) deep = { items: deep };
    expect(jsonSchemaProblem(deep)).toContain('nests deeper');
  });
});

describe('result count (k)', () => {
  it.each([1, maxResultCount])('accepts %i', (k) => {
    expect(resultCountProblem(k)).toBeUndefined();
  });
  it.each([0, maxResultCount + 1, 2.5, Number.NaN])('refuses %s', (k) => {
    expect(resultCountProblem(k)).toContain(`1 to ${maxResultCount}`);
  });
});
