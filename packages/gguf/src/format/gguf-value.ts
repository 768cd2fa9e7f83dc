import type { GgufValueTypeName } from './gguf-constants.js';

/** A GGUF scalar type: every value type except `array`. */
export type GgufScalarTypeName = Exclude<GgufValueTypeName, 'array'>;

/** The 32-bit-or-smaller number types, held as a JS `number`. */
export type GgufSmallNumberTypeName =
  'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

/** The 64-bit integer types: written from a `number` or a `bigint`, read back as a `bigint`. */
export type GgufBigIntegerTypeName = 'uint64' | 'int64';

/** The JS value that holds one GGUF scalar. */
export type GgufScalar = number | bigint | boolean | string;

/**
 * One typed GGUF metadata value. GGUF stores the type beside each value, and JS numbers do not say whether
 * they are a uint32 or a float32, so every value carries its type. Build them with {@link ggufValue}.
 */
export type GgufMetadataValue =
  | { type: GgufSmallNumberTypeName; value: number }
  | { type: GgufBigIntegerTypeName; value: number | bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; itemType: GgufScalarTypeName; value: readonly GgufScalar[] };

/** Metadata of a GGUF file: keys such as `general.architecture` with their typed values, in file order. */
export type GgufMetadata = Record<string, GgufMetadataValue>;

/** Builders for {@link GgufMetadataValue}s, one per GGUF type: `ggufValue.uint32(2048)`. */
export const ggufValue = {
  uint8: (value: number): GgufMetadataValue => ({ type: 'uint8', value }),
  int8: (value: number): GgufMetadataValue => ({ type: 'int8', value }),
  uint16: (value: number): GgufMetadataValue => ({ type: 'uint16', value }),
  int16: (value: number): GgufMetadataValue => ({ type: 'int16', value }),
  uint32: (value: number): GgufMetadataValue => ({ type: 'uint32', value }),
  int32: (value: number): GgufMetadataValue => ({ type: 'int32', value }),
  uint64: (value: number | bigint): GgufMetadataValue => ({ type: 'uint64', value }),
  int64: (value: number | bigint): GgufMetadataValue => ({ type: 'int64', value }),
  float32: (value: number): GgufMetadataValue => ({ type: 'float32', value }),
  float64: (value: number): GgufMetadataValue => ({ type: 'float64', value }),
  bool: (value: boolean): GgufMetadataValue => ({ type: 'bool', value }),
  string: (value: string): GgufMetadataValue => ({ type: 'string', value }),
  /** An array whose items all have the scalar type `itemType`. */
  array: (itemType: GgufScalarTypeName, value: readonly GgufScalar[]): GgufMetadataValue => ({
    type: 'array',
    itemType,
    value,
  }),
} as const;
