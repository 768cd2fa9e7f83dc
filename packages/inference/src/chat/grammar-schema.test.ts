import { describe, expect, it } from 'vitest';
import { toGrammarSchema } from './grammar-schema.js';

describe('toGrammarSchema', () => {
  it('passes the subset node-llama-cpp enforces through unchanged', () => {
    const schema = {
      type: 'object',
      description: 'an answer',
      properties: {
        answer: { enum: ['yes', 'no'] },
        when: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      },
      required: ['answer'],
      additionalProperties: false,
    };
    expect(toGrammarSchema(schema)).toEqual(schema);
  });

  it('rewrites what node-llama-cpp would misread: anyOf, type lists, implied types, annotation-only formats', () => {
    expect(toGrammarSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({
      oneOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(toGrammarSchema({ type: ['object', 'null'], properties: { a: { type: 'boolean' } } })).toEqual({
      oneOf: [
        { type: 'object', properties: { a: { type: 'boolean' } } },
        { type: 'null', properties: { a: { type: 'boolean' } } },
      ],
    });
    expect(toGrammarSchema({ properties: { a: { const: 1 } } })).toEqual({
      type: 'object',
      properties: { a: { const: 1 } },
    });
    expect(toGrammarSchema({ items: true })).toEqual({ type: 'array' });
    expect(toGrammarSchema({ type: 'string', format: 'email' })).toEqual({ type: 'string' });
  });

  it('refuses keywords a grammar would silently ignore, and schemas that say nothing, naming where', () => {
    expect(() => toGrammarSchema({ type: 'integer', minimum: 0 })).toThrow(/#\/minimum/);
    expect(() => toGrammarSchema({ type: 'object', properties: { a: { type: 'string', pattern: '^a' } } })).toThrow(
      /#\/properties\/a\/pattern/,
    );
    expect(() => toGrammarSchema({ description: 'anything' })).toThrow(/must state one of/);
    expect(() => toGrammarSchema({ allOf: [{ type: 'string' }] })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });
});
