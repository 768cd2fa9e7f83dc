import type { GgmlTensorTypeName } from '../format/gguf-constants.js';
import type { GgufMetadata } from '../format/gguf-value.js';

/** Where one tensor lives in a GGUF file and how it is shaped. */
export interface GgufTensorInfo {
  /** Tensor name, e.g. `blk.0.attn_q.weight`. */
  name: string;
  /** The ggml type id as stored (quantized types included). */
  typeId: number;
  /** `F32` or `F16` when the data is one of those; undefined for quantized types this package cannot decode. */
  type: GgmlTensorTypeName | undefined;
  /** Dimensions in ggml order, fastest-varying first. */
  dimensions: number[];
  /** Byte offset of the data from the start of the tensor-data section. */
  offset: number;
}

/** A GGUF file's header as read by {@link readGgufFile}. */
export interface GgufFile {
  /** The file it was read from. */
  path: string;
  /** GGUF format version (2 or 3). */
  version: number;
  /** Typed metadata; 64-bit integers come back as bigint. */
  metadata: GgufMetadata;
  /** Tensor infos in file order. */
  tensors: GgufTensorInfo[];
  /** Alignment of tensor data in bytes. */
  alignment: number;
  /** Absolute byte offset where the tensor-data section starts. */
  dataOffset: number;
}
