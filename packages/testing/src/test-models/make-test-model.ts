import { AndesError } from '@andes-rag/core';
import { ggufValue, writeGgufFile, type GgufMetadata } from '@andes-rag/gguf';
import { llamaTensors, type LlamaShape } from './llama-tensors.js';
import { loadLlama3Tokenizer, type Llama3Tokenizer } from './llama3-tokenizer.js';
import { seededRandom } from './seeded-random.js';

/** What a test model is for. */
export type TestModelKind = 'chat' | 'embedding';

/** Options of {@link makeTestModel}. Every field is optional. */
export interface TestModelOptions {
  /** `chat` (default) or `embedding`: the embedding model sets `llama.pooling_type` = 1 (mean) and its own seed. */
  kind?: TestModelKind;
  /** Hidden size. Default 64. */
  embeddingLength?: number;
  /** Transformer blocks. Default 2. */
  blockCount?: number;
  /** Attention (query) heads. Default 4. */
  headCount?: number;
  /** Key/value heads; fewer than `headCount` makes it grouped-query attention. Default 2. */
  kvHeadCount?: number;
  /** SwiGLU hidden size. Default 128. */
  feedForwardLength?: number;
  /** Training context length written to the file. Default 2048. */
  contextLength?: number;
  /** RoPE frequency base. Default 500000, as Llama 3. */
  ropeFrequencyBase?: number;
  /** RMSNorm epsilon. Default 1e-5, as Llama 3. */
  rmsNormEpsilon?: number;
  /** Seed of the random weights. Default 1 for `chat`, 2 for `embedding`. */
  seed?: number;
  /** Write a separate `output.weight` instead of tying the output head to the token embeddings. Default false. */
  untiedOutput?: boolean;
  /** Storage type of the token embeddings (and of `output.weight` when untied). Default `F16`. */
  tokenEmbeddingType?: 'F16' | 'F32';
  /** Storage type of the attention and feed-forward matrices. Default `F32`. */
  weightType?: 'F16' | 'F32';
  /**
   * `random` (default): every weight drawn from the seeded generator. `tiled`: each tensor repeats one random
   * block, for large models whose values do not matter (speed measurements): an 8B-shaped F16 model then writes
   * at disk speed, streamed, without holding its 16 GB in memory.
   */
  weightFill?: 'random' | 'tiled';
  /** `general.name`. Default `andes-tiny-llama3-chat` / `andes-tiny-llama3-embedding`. */
  name?: string;
}

/** The resolved settings a test model was written with. */
export interface TestModelDescription extends LlamaShape {
  path: string;
  kind: TestModelKind;
  name: string;
  contextLength: number;
  ropeFrequencyBase: number;
  rmsNormEpsilon: number;
  seed: number;
}

/** Llama 3's `<|begin_of_text|>` and `<|eot_id|>` ids; Llama 3 Instruct GGUFs use eot as eos. */
const bosTokenId = 128000;
const eosTokenId = 128009;

/**
 * Writes a tiny Llama-3-architecture GGUF with deterministic random weights and the real Llama 3 tokenizer
 * and chat template, for tests and for smoke-testing a set-up without a multi-gigabyte download.
 * The file appears atomically, so parallel processes never see half of it.
 */
export async function makeTestModel(outPath: string, options: TestModelOptions = {}): Promise<TestModelDescription> {
  const tokenizer = await loadLlama3Tokenizer();
  const model = describe(outPath, options, tokenizer.tokens.length);
  await writeGgufFile(outPath, {
    metadata: testModelMetadata(model, tokenizer),
    tensors: llamaTensors(model, seededRandom(model.seed)),
  });
  return model;
}

function describe(path: string, options: TestModelOptions, vocabularySize: number): TestModelDescription {
  const kind = options.kind ?? 'chat';
  const model: TestModelDescription = {
    path,
    kind,
    name: options.name ?? `andes-tiny-llama3-${kind}`,
    vocabularySize,
    embeddingLength: options.embeddingLength ?? 64,
    blockCount: options.blockCount ?? 2,
    headCount: options.headCount ?? 4,
    kvHeadCount: options.kvHeadCount ?? 2,
    feedForwardLength: options.feedForwardLength ?? 128,
    contextLength: options.contextLength ?? 2048,
    ropeFrequencyBase: options.ropeFrequencyBase ?? 500000,
    rmsNormEpsilon: options.rmsNormEpsilon ?? 1e-5,
    seed: options.seed ?? (kind === 'chat' ? 1 : 2),
    untiedOutput: options.untiedOutput ?? false,
    tokenEmbeddingType: options.tokenEmbeddingType ?? 'F16',
    weightType: options.weightType ?? 'F32',
    weightFill: options.weightFill ?? 'random',
  };
  if (model.embeddingLength % model.headCount !== 0 || model.headCount % model.kvHeadCount !== 0) {
    throw new AndesError('invalid_request', 'embeddingLength must divide by headCount, and headCount by kvHeadCount', {
      details: { embeddingLength: model.embeddingLength, headCount: model.headCount, kvHeadCount: model.kvHeadCount },
    });
  }
  return model;
}

function testModelMetadata(model: TestModelDescription, tokenizer: Llama3Tokenizer): GgufMetadata {
  const metadata: GgufMetadata = {
    'general.architecture': ggufValue.string('llama'),
    'general.name': ggufValue.string(model.name),
    'general.file_type': ggufValue.uint32(model.tokenEmbeddingType === 'F16' ? 1 : 0),
    'general.alignment': ggufValue.uint32(32),
    'llama.vocab_size': ggufValue.uint32(model.vocabularySize),
    'llama.context_length': ggufValue.uint32(model.contextLength),
    'llama.embedding_length': ggufValue.uint32(model.embeddingLength),
    'llama.block_count': ggufValue.uint32(model.blockCount),
    'llama.feed_forward_length': ggufValue.uint32(model.feedForwardLength),
    'llama.attention.head_count': ggufValue.uint32(model.headCount),
    'llama.attention.head_count_kv': ggufValue.uint32(model.kvHeadCount),
    'llama.attention.layer_norm_rms_epsilon': ggufValue.float32(model.rmsNormEpsilon),
    'llama.rope.freq_base': ggufValue.float32(model.ropeFrequencyBase),
    'llama.rope.dimension_count': ggufValue.uint32(model.embeddingLength / model.headCount),
  };
  if (model.kind === 'embedding') metadata['llama.pooling_type'] = ggufValue.uint32(1);
  return {
    ...metadata,
    'tokenizer.ggml.model': ggufValue.string('gpt2'),
    'tokenizer.ggml.pre': ggufValue.string('llama-bpe'),
    'tokenizer.ggml.tokens': ggufValue.array('string', tokenizer.tokens),
    'tokenizer.ggml.token_type': ggufValue.array('int32', tokenizer.tokenTypes),
    'tokenizer.ggml.merges': ggufValue.array('string', tokenizer.merges),
    'tokenizer.ggml.bos_token_id': ggufValue.uint32(bosTokenId),
    'tokenizer.ggml.eos_token_id': ggufValue.uint32(eosTokenId),
    'tokenizer.ggml.add_bos_token': ggufValue.bool(true),
    'tokenizer.chat_template': ggufValue.string(tokenizer.chatTemplate),
  };
}
