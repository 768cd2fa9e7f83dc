import { AndesError } from '@andes-rag/core';
import { ggufValueTypeIds } from '../format/gguf-constants.js';
import type { GgufMetadataValue, GgufScalar, GgufScalarTypeName } from '../format/gguf-value.js';
import type { ByteSink } from './byte-sink.js';

/** Writes one metadata key-value pair: key, value type id, value. */
export function encodeMetadataEntry(sink: ByteSink, key: string, entry: GgufMetadataValue): void {
  sink.string(key);
  sink.uint32(ggufValueTypeIds[entry.type]);
  if (entry.type === 'array') {
    sink.uint32(ggufValueTypeIds[entry.itemType]);
    sink.uint64(entry.value.length);
    for (const item of entry.value) encodeScalar(sink, key, entry.itemType, item);
    return;
  }
  encodeScalar(sink, key, entry.type, entry.value);
}

function encodeScalar(sink: ByteSink, key: string, type: GgufScalarTypeName, value: GgufScalar): void {
  if (type === 'string') {
    if (typeof value !== 'string') throw mismatch(key, type, value);
    sink.string(value);
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') throw mismatch(key, type, value);
    sink.uint8(value ? 1 : 0);
  } else if (type === 'uint64' || type === 'int64') {
    if (typeof value !== 'number' && typeof value !== 'bigint') throw mismatch(key, type, value);
    sink[type](value);
  } else {
    if (typeof value !== 'number') throw mismatch(key, type, value);
    sink[type](value);
  }
}

function mismatch(key: string, type: GgufScalarTypeName, value: unknown): AndesError {
  return new AndesError('invalid_request', `GGUF metadata "${key}": ${typeof value} is not a ${type} value`, {
    details: { key, type },
  });
}
