import { float16BitsToFloat32, float32ToFloat16Bits } from '@andes-rag/gguf';

/**
 * A weight matrix as GGUF stores it: ggml shape `[inputs, outputs]`, i.e. `outputs` rows of `inputs`
 * contiguous values. Multiplying it by a vector gives one value per row.
 */
export interface Matrix {
  inputs: number;
  outputs: number;
  /** The weights, widened to F32. */
  values: Float32Array;
  /** How the file stores them. */
  storedAs: 'F32' | 'F16';
}

/**
 * `matrix · vector`: for each output row, the dot product of that row with `vector`. Like ggml on the CPU, a
 * matrix stored as F16 is multiplied by the vector rounded to F16 (ggml converts the vector to the weights'
 * type before its dot products), which moves logits by ~1e-4; doing the same keeps the reference within ~1e-6.
 */
export function multiply(matrix: Matrix, vector: Float32Array): Float32Array {
  const input =
    matrix.storedAs === 'F16' ? vector.map((value) => float16BitsToFloat32(float32ToFloat16Bits(value))) : vector;
  const result = new Float32Array(matrix.outputs);
  for (let row = 0; row < matrix.outputs; row++) {
    const start = row * matrix.inputs;
    let sum = 0;
    for (let column = 0; column < matrix.inputs; column++) sum += matrix.values[start + column]! * input[column]!;
    result[row] = sum;
  }
  return result;
}

/**
 * RMSNorm: scales `vector` to unit root-mean-square, then multiplies it element-wise by the learned `weight`.
 * Unlike LayerNorm it subtracts no mean and adds no bias.
 */
export function rmsNorm(vector: Float32Array, weight: Float32Array, epsilon: number): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const scale = 1 / Math.sqrt(sumOfSquares / vector.length + epsilon);
  return vector.map((value, index) => value * scale * weight[index]!);
}

/** SiLU (swish): `x · sigmoid(x)`, the gate activation of SwiGLU. */
export function silu(value: number): number {
  return value / (1 + Math.exp(-value));
}

/** Adds `addend` into `target` element by element (the residual connection). */
export function addInto(target: Float32Array, addend: Float32Array): void {
  for (let index = 0; index < target.length; index++) target[index]! += addend[index]!;
}

/** Replaces `scores` by their softmax: exponentials of the differences to the maximum, normalised to sum 1. */
export function softmaxInPlace(scores: Float32Array | number[]): void {
  let maximum = -Infinity;
  for (const score of scores) maximum = Math.max(maximum, score);
  let sum = 0;
  for (let index = 0; index < scores.length; index++) {
    scores[index] = Math.exp(scores[index]! - maximum);
    sum += scores[index]!;
  }
  for (let index = 0; index < scores.length; index++) scores[index]! /= sum;
}
