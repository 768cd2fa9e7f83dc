/**
 * Which elements of a head RoPE rotates together.
 * - `adjacent`: pairs (x[2i], x[2i+1]): llama.cpp's `LLAMA_ROPE_TYPE_NORM`, used for architecture `llama`
 *   (the GGUF converter permutes Hugging Face's query/key weights to match).
 * - `halves`: pairs (x[i], x[i + d/2]): the "NEOX" layout of GPT-NeoX, Qwen, Phi and of Hugging Face's Llama code.
 *   Here only as a self-check: reading a `llama` GGUF with it must give different logits.
 */
export type RopeLayout = 'adjacent' | 'halves';

/**
 * Rotary position embedding, in place, on one head of `headDimension` values starting at `offset` in `vector`.
 * Pair i is rotated by the angle `position × base^(−2i / headDimension)`: fast-turning pairs encode nearby
 * positions, slow ones far ones, and the dot product of a rotated query and key depends only on their distance.
 */
export function applyRotaryEmbedding(
  vector: Float32Array,
  offset: number,
  headDimension: number,
  position: number,
  base: number,
  layout: RopeLayout,
): void {
  const half = headDimension / 2;
  for (let pair = 0; pair < half; pair++) {
    const angle = position * Math.pow(base, (-2 * pair) / headDimension);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const first = offset + (layout === 'adjacent' ? 2 * pair : pair);
    const second = layout === 'adjacent' ? first + 1 : first + half;
    const x = vector[first]!;
    const y = vector[second]!;
    vector[first] = x * cos - y * sin;
    vector[second] = x * sin + y * cos;
  }
}
