export {
  ggufMagic,
  ggufVersion,
  ggufDefaultAlignment,
  ggufValueTypeIds,
  ggmlTensorTypeIds,
  type GgufValueTypeName,
  type GgmlTensorTypeName,
} from './format/gguf-constants.js';
export {
  ggufValue,
  type GgufMetadata,
  type GgufMetadataValue,
  type GgufScalar,
  type GgufScalarTypeName,
  type GgufSmallNumberTypeName,
  type GgufBigIntegerTypeName,
} from './format/gguf-value.js';
export { float32ToFloat16Bits, float16BitsToFloat32 } from './format/float16.js';
export { writeGgufFile, type GgufFileContents, type GgufTensorInput } from './writer/write-gguf-file.js';
export type { GgufTensorChunks, GgufTensorData } from './writer/tensor-data.js';
export { writeFileAtomically } from './writer/write-file-atomically.js';
export { readGgufFile, readGgufTensor } from './reader/read-gguf-file.js';
export type { GgufFile, GgufTensorInfo } from './reader/gguf-file.js';
