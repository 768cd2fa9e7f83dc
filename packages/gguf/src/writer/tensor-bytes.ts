import { float32ToFloat16Bits } from '../format/float16.js';
import type { GgmlTensorTypeName } from '../format/gguf-constants.js';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of `data` stored as `type`, little-endian, as ggml lays tensors out. */
export function tensorBytes(type: GgmlTensorTypeName, data: Float32Array): Uint8Array {
  if (type === 'F32') {
    if (littleEndian) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const bytes = Buffer.alloc(data.length * 4);
    data.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
    return bytes;
  }
  const bytes = Buffer.alloc(data.length * 2);
  data.forEach((value, index) => bytes.writeUInt16LE(float32ToFloat16Bits(value), index * 2));
  return bytes;
}
