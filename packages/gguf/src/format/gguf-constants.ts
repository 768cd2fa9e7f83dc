/** The four bytes every GGUF file starts with: `GGUF` in ASCII. */
export const ggufMagic = 'GGUF';

/** The GGUF format version this package writes (and the newest it reads). */
export const ggufVersion = 3;

/** Alignment of tensor data in bytes when the file does not set `general.alignment`. */
export const ggufDefaultAlignment = 32;

/** The type ids GGUF uses for metadata values, as written in the file. */
export const ggufValueTypeIds = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

/** Name of a GGUF metadata value type. */
export type GgufValueTypeName = keyof typeof ggufValueTypeIds;

/** The ggml tensor types this package writes and reads the data of. */
export const ggmlTensorTypeIds = {
  F32: 0,
  F16: 1,
} as const;

/** Name of a tensor type this package can write: 32-bit or 16-bit floats. */
export type GgmlTensorTypeName = keyof typeof ggmlTensorTypeIds;

/** Bytes per element of each writable tensor type. */
export const ggmlTensorTypeBytes: Record<GgmlTensorTypeName, number> = { F32: 4, F16: 2 };
