import { AndesError, type JsonSchema } from '@andes-rag/core';
import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import { toGrammarSchema } from './grammar-schema.js';

/**
 * Grammars made from JSON schemas by node-llama-cpp (`llama.createGrammarForJsonSchema`), cached by the schema's
 * JSON text so that repeated requests with the same schema pay for the grammar once.
 */
export class JsonSchemaGrammars {
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  /**
   * @param llama the backend the grammars are made for
   * @param capacity schemas kept; the least recently used is dropped beyond it. Default 32.
   */
  constructor(
    private readonly llama: Llama,
    private readonly capacity = 32,
  ) {}

  /** The grammar for `schema`. Rejects a schema node-llama-cpp would misread with AndesError `invalid_request`. */
  get(schema: JsonSchema): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    const grammar = this.grammars.get(key) ?? this.create(schema, key);
    // Re-inserting moves the schema to the back: the map's first key is always the least recently used.
    this.grammars.delete(key);
    this.grammars.set(key, grammar);
    for (const oldest of this.grammars.keys()) {
      if (this.grammars.size <= this.capacity) break;
      this.grammars.delete(oldest);
    }
    return grammar;
  }

  private async create(schema: JsonSchema, key: string): Promise<LlamaGrammar> {
    try {
      return await this.llama.createGrammarForJsonSchema<GbnfJsonSchema>(toGrammarSchema(schema) as GbnfJsonSchema);
    } catch (error) {
      this.grammars.delete(key);
      if (AndesError.isInstance(error)) throw error;
      throw new AndesError('invalid_request', `The JSON schema cannot become a grammar: ${String(error)}`, {
        cause: error,
      });
    }
  }
}
