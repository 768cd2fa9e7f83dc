import { readGgufTensor, type GgufFile } from '@andes-rag/gguf';
import type { LlamaHyperparameters } from './llama-hyperparameters.js';
import type { Matrix } from './tensor-math.js';

/** The weights of one transformer block. */
export interface LlamaBlockWeights {
  /** RMSNorm weight before attention (`attn_norm`). */
  attentionNorm: Float32Array;
  /** Query projection (`attn_q`): embedding → heads × head dimension. */
  query: Matrix;
  /** Key projection (`attn_k`): embedding → KV heads × head dimension. */
  key: Matrix;
  /** Value projection (`attn_v`): embedding → KV heads × head dimension. */
  value: Matrix;
  /** Output projection (`attn_output`): heads × head dimension → embedding. */
  attentionOutput: Matrix;
  /** RMSNorm weight before the feed-forward network (`ffn_norm`). */
  feedForwardNorm: Float32Array;
  /** SwiGLU gate (`ffn_gate`): embedding → feed-forward length. */
  gate: Matrix;
  /** SwiGLU up projection (`ffn_up`): embedding → feed-forward length. */
  up: Matrix;
  /** Down projection (`ffn_down`): feed-forward length → embedding. */
  down: Matrix;
}

/** Every weight of a Llama model, as F32. */
export interface LlamaWeights {
  /** `token_embd`: row t is token t's embedding. */
  tokenEmbedding: Matrix;
  blocks: LlamaBlockWeights[];
  /** RMSNorm weight after the last block (`output_norm`). */
  outputNorm: Float32Array;
  /** `output`: embedding → one logit per token; the token embedding itself when the file has none (tied). */
  output: Matrix;
}

/** Reads every weight tensor of a `llama` GGUF (F32 or F16) into memory as F32. */
export async function readLlamaWeights(gguf: GgufFile, shape: LlamaHyperparameters): Promise<LlamaWeights> {
  const vector = (name: string) => readGgufTensor(gguf, name);
  const matrix = async (name: string, inputs: number, outputs: number): Promise<Matrix> => ({
    inputs,
    outputs,
    values: await readGgufTensor(gguf, name),
    storedAs: gguf.tensors.find((tensor) => tensor.name === name)?.type === 'F16' ? 'F16' : 'F32',
  });
  const { embeddingLength: embedding, feedForwardLength: feedForward, vocabularySize: vocabulary } = shape;
  const kvLength = shape.kvHeadCount * shape.headDimension;
  const tokenEmbedding = await matrix('token_embd.weight', embedding, vocabulary);
  const blocks: LlamaBlockWeights[] = [];
  for (let block = 0; block < shape.blockCount; block++) {
    const name = (tensor: string) => `blk.${block}.${tensor}.weight`;
    blocks.push({
      attentionNorm: await vector(name('attn_norm')),
      query: await matrix(name('attn_q'), embedding, embedding),
      key: await matrix(name('attn_k'), embedding, kvLength),
      value: await matrix(name('attn_v'), embedding, kvLength),
      attentionOutput: await matrix(name('attn_output'), embedding, embedding),
      feedForwardNorm: await vector(name('ffn_norm')),
      gate: await matrix(name('ffn_gate'), embedding, feedForward),
      up: await matrix(name('ffn_up'), embedding, feedForward),
      down: await matrix(name('ffn_down'), feedForward, embedding),
    });
  }
  const tied = !gguf.tensors.some((tensor) => tensor.name === 'output.weight');
  return {
    tokenEmbedding,
    blocks,
    outputNorm: await vector('output_norm.weight'),
    output: tied ? tokenEmbedding : await matrix('output.weight', embedding, vocabulary),
  };
}
