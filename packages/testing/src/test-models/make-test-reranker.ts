import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ggufValue, writeGgufFile, type GgufMetadata } from '@andes-rag/gguf';
import { defaultTestModelsDirectory } from './ensure-test-models.js';
import { llamaTensors, type LlamaShape } from './llama-tensors.js';
import { loadLlama3Tokenizer } from './llama3-tokenizer.js';
import { randomValues, seededRandom } from './seeded-random.js';

/** Options of {@link makeTestReranker}. Every field is optional. */
export interface TestRerankerOptions {
  /** Seed of the random weights. Default 3. */
  seed?: number;
  /** `general.name`. Default `andes-tiny-qwen3-reranker`. */
  name?: string;
}

const embeddingLength = 64;
const headCount = 4;
const headDimension = embeddingLength / headCount;

/**
 * Writes a tiny cross-encoder GGUF that node-llama-cpp's ranking context accepts, with random weights and the
 * real Llama 3 tokenizer (~23 MiB). Its scores are noise; it exists to test reranking plumbing.
 *
 * Why Qwen3 and not Llama: node-llama-cpp ranks only models with a `cls.weight` or `cls.output.weight` tensor
 * (`GgufInsights.supportsRanking`), and llama.cpp's `llama` architecture does not load such a tensor, so a
 * Llama file with one fails with "done_getting_tensors: wrong number of tensors; expected 21, got 20". The
 * `qwen3` architecture is Llama's plus per-head query/key RMSNorm, loads `cls.output.weight` as its rerank
 * head, pools the last token, and applies a softmax over the head's outputs: with two labels (`yes`, `no`)
 * the score is P(yes), strictly between 0 and 1 (one label would always score 1).
 */
export async function makeTestReranker(outPath: string, options: TestRerankerOptions = {}): Promise<string> {
  const tokenizer = await loadLlama3Tokenizer();
  const shape: LlamaShape = {
    vocabularySize: tokenizer.tokens.length,
    embeddingLength,
    blockCount: 2,
    headCount,
    kvHeadCount: 2,
    feedForwardLength: 128,
    untiedOutput: false,
    tokenEmbeddingType: 'F16',
    weightType: 'F32',
    weightFill: 'random',
  };
  const random = seededRandom(options.seed ?? 3);
  const tensors = llamaTensors(shape, random);
  const ones = new Float32Array(headDimension).fill(1);
  for (let block = 0; block < shape.blockCount; block++) {
    for (const norm of ['attn_q_norm', 'attn_k_norm']) {
      tensors.push({ name: `blk.${block}.${norm}.weight`, type: 'F32', dimensions: [headDimension], data: ones });
    }
  }
  const labels = ['yes', 'no'];
  tensors.push({
    name: 'cls.output.weight',
    type: 'F32',
    dimensions: [embeddingLength, labels.length],
    data: randomValues(random, embeddingLength * labels.length, 1 / Math.sqrt(embeddingLength)),
  });
  const key = (name: string) => `qwen3.${name}`;
  const metadata: GgufMetadata = {
    'general.architecture': ggufValue.string('qwen3'),
    'general.name': ggufValue.string(options.name ?? 'andes-tiny-qwen3-reranker'),
    'general.file_type': ggufValue.uint32(1),
    'general.alignment': ggufValue.uint32(32),
    [key('vocab_size')]: ggufValue.uint32(shape.vocabularySize),
    [key('context_length')]: ggufValue.uint32(2048),
    [key('embedding_length')]: ggufValue.uint32(embeddingLength),
    [key('block_count')]: ggufValue.uint32(shape.blockCount),
    [key('feed_forward_length')]: ggufValue.uint32(shape.feedForwardLength),
    [key('attention.head_count')]: ggufValue.uint32(headCount),
    [key('attention.head_count_kv')]: ggufValue.uint32(shape.kvHeadCount),
    [key('attention.layer_norm_rms_epsilon')]: ggufValue.float32(1e-6),
    [key('rope.freq_base')]: ggufValue.float32(1000000),
    [key('rope.dimension_count')]: ggufValue.uint32(headDimension),
    [key('pooling_type')]: ggufValue.uint32(4),
    [key('classifier.output_labels')]: ggufValue.array('string', labels),
    'tokenizer.ggml.model': ggufValue.string('gpt2'),
    'tokenizer.ggml.pre': ggufValue.string('llama-bpe'),
    'tokenizer.ggml.tokens': ggufValue.array('string', tokenizer.tokens),
    'tokenizer.ggml.token_type': ggufValue.array('int32', tokenizer.tokenTypes),
    'tokenizer.ggml.merges': ggufValue.array('string', tokenizer.merges),
    'tokenizer.ggml.bos_token_id': ggufValue.uint32(128000),
    'tokenizer.ggml.eos_token_id': ggufValue.uint32(128009),
    'tokenizer.ggml.add_bos_token': ggufValue.bool(true),
  };
  await writeGgufFile(outPath, { metadata, tensors });
  return outPath;
}

/** Bump when the generated reranker changes, so a stale cached file is not reused. */
const testRerankerVersion = 1;

/**
 * Builds the tiny test reranker once into the test-model cache folder (the one `ensureTestModels` uses, or
 * `directory`) and returns its path; an existing file is reused. The file appears atomically.
 */
export async function ensureTestReranker(options: { directory?: string } = {}): Promise<string> {
  const directory = resolve(options.directory ?? defaultTestModelsDirectory());
  await mkdir(directory, { recursive: true });
  const path = join(directory, `andes-tiny-qwen3-reranker.v${testRerankerVersion}.gguf`);
  if (!existsSync(path)) await makeTestReranker(path);
  return path;
}
