import { AndesError } from '@andes-rag/core';
import {
  ggmlTensorTypeBytes,
  ggmlTensorTypeIds,
  ggufDefaultAlignment,
  ggufMagic,
  ggufVersion,
  type GgmlTensorTypeName,
} from '../format/gguf-constants.js';
import type { GgufMetadata } from '../format/gguf-value.js';
import { ByteSink } from './byte-sink.js';
import { encodeMetadataEntry } from './encode-metadata.js';
import { TensorEncoder, type GgufTensorData } from './tensor-data.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** One tensor to write. */
export interface GgufTensorInput {
  /** Tensor name as llama.cpp expects it, e.g. `blk.0.attn_q.weight`. */
  name: string;
  /** How the data is stored in the file; `data` is converted to it. */
  type: GgmlTensorTypeName;
  /**
   * Dimensions in ggml order, fastest-varying first: a weight matrix that maps `n_in` inputs to `n_out`
   * outputs is `[n_in, n_out]`.
   */
  dimensions: readonly number[];
  /**
   * The elements in ggml memory order (dimension 0 contiguous), as many as the product of `dimensions`: one
   * `Float32Array`, or {@link GgufTensorChunks} that yield them piece by piece (streamed to disk, never all in memory).
   */
  data: GgufTensorData;
}

/** Everything a GGUF file holds. */
export interface GgufFileContents {
  /** Typed key-value metadata, written in key order. `general.alignment` (uint32), when set, aligns tensor data. */
  metadata: GgufMetadata;
  /** Tensors, written in this order. */
  tensors: readonly GgufTensorInput[];
}

/**
 * Writes a GGUF version 3 file: header, metadata, tensor infos, then the tensor data, each tensor aligned to
 * `general.alignment` (default 32 bytes). Tensor data is streamed, so chunked tensors may be larger than memory.
 * The file appears atomically (temporary file + rename). Rejects with `invalid_request` when a tensor's data
 * does not fill its dimensions.
 */
export async function writeGgufFile(path: string, contents: GgufFileContents): Promise<void> {
  const alignment = alignmentOf(contents.metadata);
  const header = new ByteSink();
  header.uint32(Buffer.from(ggufMagic, 'ascii').readUInt32LE(0));
  header.uint32(ggufVersion);
  header.uint64(contents.tensors.length);
  header.uint64(Object.keys(contents.metadata).length);
  for (const [key, value] of Object.entries(contents.metadata)) encodeMetadataEntry(header, key, value);

  let dataOffset = 0;
  for (const tensor of contents.tensors) {
    checkTensor(tensor);
    header.string(tensor.name);
    header.uint32(tensor.dimensions.length);
    for (const dimension of tensor.dimensions) header.uint64(dimension);
    header.uint32(ggmlTensorTypeIds[tensor.type]);
    header.uint64(dataOffset);
    dataOffset = alignUp(dataOffset + elementCount(tensor) * ggmlTensorTypeBytes[tensor.type], alignment);
  }
  header.padTo(alignment);

  await writeFileAtomically(path, async (file) => {
    await file.write(header.bytes());
    const padding = Buffer.alloc(alignment);
    const encoders = { F32: new TensorEncoder('F32'), F16: new TensorEncoder('F16') };
    for (const tensor of contents.tensors) {
      let byteLength = 0;
      for (const bytes of encoders[tensor.type].pieces(tensor.data)) {
        await file.write(bytes);
        byteLength += bytes.length;
      }
      const written = byteLength / ggmlTensorTypeBytes[tensor.type];
      if (written !== elementCount(tensor)) throw unfilled(tensor, written);
      const paddingLength = alignUp(byteLength, alignment) - byteLength;
      if (paddingLength > 0) await file.write(padding, 0, paddingLength);
    }
  });
}

function alignmentOf(metadata: GgufMetadata): number {
  const entry = metadata['general.alignment'];
  if (entry === undefined) return ggufDefaultAlignment;
  if (entry.type !== 'uint32' || entry.value <= 0 || entry.value % 8 !== 0) {
    throw new AndesError('invalid_request', 'GGUF general.alignment must be a uint32 multiple of 8');
  }
  return entry.value;
}

function checkTensor(tensor: GgufTensorInput): void {
  const given = tensor.data instanceof Float32Array ? tensor.data.length : elementCount(tensor);
  if (tensor.dimensions.length === 0 || tensor.dimensions.length > 4 || elementCount(tensor) !== given) {
    throw unfilled(tensor, given);
  }
}

function elementCount(tensor: GgufTensorInput): number {
  return tensor.dimensions.reduce((product, dimension) => product * dimension, 1);
}

function unfilled(tensor: GgufTensorInput, given: number): AndesError {
  return new AndesError(
    'invalid_request',
    `GGUF tensor "${tensor.name}": ${given} values do not fill dimensions [${tensor.dimensions.join(', ')}]`,
    { details: { tensor: tensor.name } },
  );
}

function alignUp(offset: number, alignment: number): number {
  return Math.ceil(offset / alignment) * alignment;
}
