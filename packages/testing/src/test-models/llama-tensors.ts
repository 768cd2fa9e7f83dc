import type { GgufTensorChunks, GgufTensorInput } from '@andes-rag/gguf';
import { randomValues } from './seeded-random.js';

/** The shape of a Llama-architecture model. */
export interface LlamaShape {
  vocabularySize: number;
  embeddingLength: number;
  blockCount: number;
  headCount: number;
  kvHeadCount: number;
  feedForwardLength: number;
  /** Write `output.weight`; otherwise llama.cpp ties the output head to `token_embd.weight`. */
  untiedOutput: boolean;
  /** Storage type of `token_embd.weight` (and `output.weight`). */
  tokenEmbeddingType: 'F16' | 'F32';
  /** Storage type of the attention and feed-forward matrices. Norm weights are always F32. */
  weightType: 'F16' | 'F32';
  /**
   * `random`: every value drawn from the seeded generator. `tiled`: each tensor repeats one random block of
   * {@link tileLength} values, so that multi-gigabyte models for speed measurements write at disk speed.
   */
  weightFill: 'random' | 'tiled';
}

/** Values in the block a `tiled` tensor repeats. */
export const tileLength = 1 << 16;

/**
 * Random weights for every tensor llama.cpp's `llama` architecture needs, with its tensor names and ggml
 * dimension order ([inputs, outputs] for a weight matrix). Norm weights are 1.
 */
export function llamaTensors(shape: LlamaShape, random: () => number): GgufTensorInput[] {
  const embedding = shape.embeddingLength;
  const headDimension = embedding / shape.headCount;
  const kvLength = shape.kvHeadCount * headDimension;
  const values = (length: number, scale: number) =>
    shape.weightFill === 'tiled'
      ? tiled(randomValues(random, Math.min(length, tileLength), scale), length)
      : randomValues(random, length, scale);
  const matrix = (name: string, inputs: number, outputs: number): GgufTensorInput => ({
    name,
    type: shape.weightType,
    dimensions: [inputs, outputs],
    data: values(inputs * outputs, 1 / Math.sqrt(inputs)),
  });
  const norm = (name: string): GgufTensorInput => ({
    name,
    type: 'F32',
    dimensions: [embedding],
    data: new Float32Array(embedding).fill(1),
  });

  const tensors: GgufTensorInput[] = [
    {
      name: 'token_embd.weight',
      type: shape.tokenEmbeddingType,
      dimensions: [embedding, shape.vocabularySize],
      data: values(embedding * shape.vocabularySize, 0.1),
    },
  ];
  for (let block = 0; block < shape.blockCount; block++) {
    const prefix = `blk.${block}`;
    tensors.push(
      norm(`${prefix}.attn_norm.weight`),
      matrix(`${prefix}.attn_q.weight`, embedding, embedding),
      matrix(`${prefix}.attn_k.weight`, embedding, kvLength),
      matrix(`${prefix}.attn_v.weight`, embedding, kvLength),
      matrix(`${prefix}.attn_output.weight`, embedding, embedding),
      norm(`${prefix}.ffn_norm.weight`),
      matrix(`${prefix}.ffn_gate.weight`, embedding, shape.feedForwardLength),
      matrix(`${prefix}.ffn_up.weight`, embedding, shape.feedForwardLength),
      matrix(`${prefix}.ffn_down.weight`, shape.feedForwardLength, embedding),
    );
  }
  tensors.push(norm('output_norm.weight'));
  if (shape.untiedOutput) {
    tensors.push({ ...matrix('output.weight', embedding, shape.vocabularySize), type: shape.tokenEmbeddingType });
  }
  return tensors;
}

/** `length` values made of `block` repeated (the last repetition cut short). */
function tiled(block: Float32Array, length: number): GgufTensorChunks {
  return {
    *chunks() {
      for (let start = 0; start < length; start += block.length) {
        yield start + block.length <= length ? block : block.subarray(0, length - start);
      }
    },
  };
}
