import { ggufDefaultAlignment, ggufValueTypeIds, type GgufValueTypeName } from '../format/gguf-constants.js';
import type { GgufMetadata, GgufMetadataValue, GgufScalar, GgufScalarTypeName } from '../format/gguf-value.js';
import type { ByteCursor } from './byte-cursor.js';
import type { GgufTensorInfo } from './gguf-file.js';

/** What the header of a GGUF file says, with the byte offset where tensor data starts. */
export interface ParsedGgufHeader {
  version: number;
  metadata: GgufMetadata;
  tensors: GgufTensorInfo[];
  alignment: number;
  dataOffset: number;
}

const typeNamesById = new Map<number, GgufValueTypeName>(
  Object.entries(ggufValueTypeIds).map(([name, id]) => [id, name as GgufValueTypeName]),
);
const tensorTypeNames = new Map<number, 'F32' | 'F16'>([
  [0, 'F32'],
  [1, 'F16'],
]);

/** Parses a GGUF header after its 4 magic bytes. Throws when the bytes are not a well-formed header. */
export function parseGgufHeader(cursor: ByteCursor): ParsedGgufHeader {
  const version = cursor.uint32();
  if (version < 2 || version > 3) throw new RangeError(`unsupported GGUF version ${version}`);
  const tensorCount = cursor.size();
  const metadataCount = cursor.size();
  const metadata: GgufMetadata = {};
  for (let index = 0; index < metadataCount; index++) {
    const key = cursor.string();
    metadata[key] = readValue(cursor, typeName(cursor.uint32()));
  }
  const tensors: GgufTensorInfo[] = [];
  for (let index = 0; index < tensorCount; index++) {
    const name = cursor.string();
    const dimensionCount = cursor.uint32();
    const dimensions = Array.from({ length: dimensionCount }, () => cursor.size());
    const typeId = cursor.uint32();
    tensors.push({ name, typeId, type: tensorTypeNames.get(typeId), dimensions, offset: cursor.size() });
  }
  const alignmentEntry = metadata['general.alignment'];
  const alignment = alignmentEntry?.type === 'uint32' ? alignmentEntry.value : ggufDefaultAlignment;
  const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
  return { version, metadata, tensors, alignment, dataOffset };
}

function typeName(id: number): GgufValueTypeName {
  const name = typeNamesById.get(id);
  if (name === undefined) throw new RangeError(`unknown GGUF value type ${id}`);
  return name;
}

function readValue(cursor: ByteCursor, type: GgufValueTypeName): GgufMetadataValue {
  if (type !== 'array') return { type, value: readScalar(cursor, type) } as GgufMetadataValue;
  const itemType = typeName(cursor.uint32());
  if (itemType === 'array') throw new RangeError('nested GGUF arrays are not supported');
  const length = cursor.size();
  const value: GgufScalar[] = new Array<GgufScalar>(length);
  for (let index = 0; index < length; index++) value[index] = readScalar(cursor, itemType);
  return { type: 'array', itemType, value };
}

function readScalar(cursor: ByteCursor, type: GgufScalarTypeName): GgufScalar {
  switch (type) {
    case 'string':
      return cursor.string();
    case 'bool':
      return cursor.uint8() !== 0;
    default:
      return cursor[type]();
  }
}
