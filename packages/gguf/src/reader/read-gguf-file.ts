import { open, type FileHandle } from 'node:fs/promises';
import { AndesError } from '@andes-rag/core';
import { float16BitsToFloat32 } from '../format/float16.js';
import { ggmlTensorTypeBytes, ggufMagic } from '../format/gguf-constants.js';
import { ByteCursor, EndOfBytesError } from './byte-cursor.js';
import type { GgufFile } from './gguf-file.js';
import { parseGgufHeader } from './parse-gguf-header.js';

const firstReadBytes = 1 << 20;

/**
 * Reads the header of a GGUF file: version, typed metadata and tensor infos, without the tensor data.
 * Rejects with AndesError `model_not_found` when the file is missing and `invalid_model_file` when it is
 * not a well-formed GGUF header.
 */
export async function readGgufFile(path: string): Promise<GgufFile> {
  const file = await openModelFile(path);
  try {
    const { size } = await file.stat();
    for (let length = Math.min(firstReadBytes, size); ; length = Math.min(length * 4, size)) {
      const buffer = Buffer.alloc(length);
      await file.read(buffer, 0, length, 0);
      try {
        return { path, ...parseHeader(buffer) };
      } catch (error) {
        if (!(error instanceof EndOfBytesError) || length === size) throw invalidFile(path, error);
      }
    }
  } finally {
    await file.close();
  }
}

/** Reads one F32 or F16 tensor's values from a file read by {@link readGgufFile}. */
export async function readGgufTensor(gguf: GgufFile, name: string): Promise<Float32Array> {
  const tensor = gguf.tensors.find((candidate) => candidate.name === name);
  if (tensor === undefined) throw new AndesError('not_found', `GGUF tensor "${name}" is not in ${gguf.path}`);
  if (tensor.type === undefined) {
    throw new AndesError('invalid_model_file', `GGUF tensor "${name}" has type ${tensor.typeId}, not F32 or F16`);
  }
  const elementCount = tensor.dimensions.reduce((product, dimension) => product * dimension, 1);
  const bytes = Buffer.alloc(elementCount * ggmlTensorTypeBytes[tensor.type]);
  const file = await openModelFile(gguf.path);
  try {
    const { bytesRead } = await file.read(bytes, 0, bytes.length, gguf.dataOffset + tensor.offset);
    if (bytesRead !== bytes.length) throw invalidFile(gguf.path, new Error(`tensor "${name}" is truncated`));
  } finally {
    await file.close();
  }
  const values = new Float32Array(elementCount);
  for (let index = 0; index < elementCount; index++) {
    values[index] =
      tensor.type === 'F32' ? bytes.readFloatLE(index * 4) : float16BitsToFloat32(bytes.readUInt16LE(index * 2));
  }
  return values;
}

function parseHeader(buffer: Buffer): Omit<GgufFile, 'path'> {
  if (buffer.length < 4 || buffer.toString('latin1', 0, 4) !== ggufMagic) throw new Error('no GGUF magic bytes');
  const cursor = new ByteCursor(buffer);
  cursor.position = 4;
  return parseGgufHeader(cursor);
}

async function openModelFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new AndesError('model_not_found', `GGUF file not found: ${path}`, { cause: error, details: { path } });
  }
}

function invalidFile(path: string, cause: unknown): AndesError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AndesError('invalid_model_file', `Not a readable GGUF file: ${path} (${reason})`, {
    cause,
    details: { path },
  });
}
