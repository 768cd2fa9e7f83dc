import { readGgufFile } from '@andes-rag/gguf';
import { groupedQueryAttention, type KeyValueCache } from './grouped-query-attention.js';
import { readLlamaHyperparameters, type LlamaHyperparameters } from './llama-hyperparameters.js';
import { readLlamaWeights, type LlamaBlockWeights, type LlamaWeights } from './llama-weights.js';
import { applyRotaryEmbedding, type RopeLayout } from './rotary-position-embedding.js';
import { addInto, multiply, rmsNorm, silu, softmaxInPlace } from './tensor-math.js';

/** Options of {@link LlamaReferenceModel.load}. */
export interface LlamaReferenceModelOptions {
  /** Which elements RoPE rotates together. Default `adjacent`, llama.cpp's layout for architecture `llama`. */
  ropeLayout?: RopeLayout;
}

/**
 * The Llama architecture (Llama 2 and 3) as a plain TypeScript forward pass over a GGUF file's weights: slow,
 * unoptimised, and meant to be read. Used as a test oracle for llama.cpp's logits, so that a wrong tensor layout
 * in the GGUF writer or a wrong RoPE style shows up as a number, not as subtly worse text.
 *
 * For each token, in order:
 * 1. its row of the token embedding starts the residual stream `x`;
 * 2. each block adds attention, then a feed-forward network, to `x`, each reading an RMS-normalised copy of it
 *    ("pre-norm");
 * 3. a final RMSNorm and the output head turn `x` into one logit per vocabulary token.
 */
export class LlamaReferenceModel {
  private constructor(
    /** The model's shape. */
    readonly shape: LlamaHyperparameters,
    private readonly weights: LlamaWeights,
    private readonly ropeLayout: RopeLayout,
  ) {}

  /** Reads a `llama` GGUF's shape and its F32/F16 weights (all into memory: for tiny models). */
  static async load(path: string, options: LlamaReferenceModelOptions = {}): Promise<LlamaReferenceModel> {
    const gguf = await readGgufFile(path);
    const shape = readLlamaHyperparameters(gguf);
    return new LlamaReferenceModel(shape, await readLlamaWeights(gguf, shape), options.ropeLayout ?? 'adjacent');
  }

  /** The logits of the token that follows `tokens` (token ids, BOS included if the model expects one). */
  nextTokenLogits(tokens: readonly number[]): Float32Array {
    const caches: KeyValueCache[] = this.weights.blocks.map(() => ({ keys: [], values: [] }));
    let stream: Float32Array = new Float32Array(0);
    tokens.forEach((token, position) => {
      stream = this.embed(token);
      this.weights.blocks.forEach((block, index) => this.runBlock(block, caches[index]!, stream, position));
    });
    const normalised = rmsNorm(stream, this.weights.outputNorm, this.shape.rmsNormEpsilon);
    return multiply(this.weights.output, normalised);
  }

  /** The probability of each vocabulary token to follow `tokens`: the softmax of {@link nextTokenLogits}. */
  nextTokenProbabilities(tokens: readonly number[]): Float32Array {
    const probabilities = this.nextTokenLogits(tokens);
    softmaxInPlace(probabilities);
    return probabilities;
  }

  private embed(token: number): Float32Array {
    const { inputs, values } = this.weights.tokenEmbedding;
    return values.slice(token * inputs, (token + 1) * inputs);
  }

  /** One transformer block at `position`, updating the residual stream `x` in place. */
  private runBlock(block: LlamaBlockWeights, cache: KeyValueCache, x: Float32Array, position: number): void {
    const { headCount, kvHeadCount, headDimension, ropeFrequencyBase, rmsNormEpsilon } = this.shape;

    // Attention: project the normalised stream to a query, a key and a value; rotate query and key by position.
    const attentionInput = rmsNorm(x, block.attentionNorm, rmsNormEpsilon);
    const query = multiply(block.query, attentionInput);
    const key = multiply(block.key, attentionInput);
    for (let head = 0; head < headCount; head++) {
      applyRotaryEmbedding(query, head * headDimension, headDimension, position, ropeFrequencyBase, this.ropeLayout);
    }
    for (let head = 0; head < kvHeadCount; head++) {
      applyRotaryEmbedding(key, head * headDimension, headDimension, position, ropeFrequencyBase, this.ropeLayout);
    }
    cache.keys.push(key);
    cache.values.push(multiply(block.value, attentionInput));
    const heads = groupedQueryAttention(query, cache, { headCount, kvHeadCount, headDimension });
    addInto(x, multiply(block.attentionOutput, heads));

    // SwiGLU feed-forward: down(silu(gate(h)) ⊙ up(h)) on the normalised stream h.
    const feedForwardInput = rmsNorm(x, block.feedForwardNorm, rmsNormEpsilon);
    const gate = multiply(block.gate, feedForwardInput);
    const up = multiply(block.up, feedForwardInput);
    const hidden = gate.map((value, index) => silu(value) * up[index]!);
    addInto(x, multiply(block.down, hidden));
  }
}
