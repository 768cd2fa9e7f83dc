import type { GgmlTensorTypeName } from '../format/gguf-constants.js';
import { tensorBytes } from './tensor-bytes.js';

/**
 * A tensor's elements given piece by piece, for tensors too large to hold in memory at once (an 8B model's
 * weights are 16 GB in F16). The pieces are written in order and must add up to the tensor's element count.
 */
export interface GgufTensorChunks {
  /**
   * Yields the elements in ggml memory order (dimension 0 contiguous), in pieces of any length. A piece yielded
   * again (the same `Float32Array` object, unchanged) is encoded once, so a tensor tiled from one random block
   * costs only the disk write.
   */
  chunks(): Iterable<Float32Array>;
}

/** A tensor's elements: all at once, or in {@link GgufTensorChunks}. */
export type GgufTensorData = Float32Array | GgufTensorChunks;

/** Encodes tensor data piece by piece as `type`, reusing the bytes of pieces seen before. */
export class TensorEncoder {
  private readonly encoded = new WeakMap<Float32Array, Uint8Array>();

  constructor(private readonly type: GgmlTensorTypeName) {}

  /** The bytes of every piece of `data`, in order. */
  *pieces(data: GgufTensorData): Generator<Uint8Array> {
    if (data instanceof Float32Array) {
      yield tensorBytes(this.type, data);
      return;
    }
    for (const chunk of data.chunks()) {
      let bytes = this.encoded.get(chunk);
      if (bytes === undefined) {
        bytes = tensorBytes(this.type, chunk);
        this.encoded.set(chunk, bytes);
      }
      yield bytes;
    }
  }
}
