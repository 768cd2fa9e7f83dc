import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { ggufValue, type GgufMetadata } from '../format/gguf-value.js';
import { readGgufFile, readGgufTensor } from '../reader/read-gguf-file.js';
import { writeGgufFile } from './write-gguf-file.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-gguf-writer-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const metadata: GgufMetadata = {
  'general.architecture': ggufValue.string('llama'),
  'test.uint8': ggufValue.uint8(255),
  'test.int8': ggufValue.int8(-128),
  'test.uint16': ggufValue.uint16(65535),
  'test.int16': ggufValue.int16(-32768),
  'test.uint32': ggufValue.uint32(4294967295),
  'test.int32': ggufValue.int32(-2147483648),
  'test.uint64': ggufValue.uint64(2n ** 63n),
  'test.int64': ggufValue.int64(-5n),
  'test.float32': ggufValue.float32(0.5),
  'test.float64': ggufValue.float64(Math.PI),
  'test.bool': ggufValue.bool(true),
  'test.unicode': ggufValue.string('Ñandú 🦙'),
  'test.strings': ggufValue.array('string', ['a b', '', 'Ġthe']),
  'test.ints': ggufValue.array('int32', [1, -3, 3]),
  'test.floats': ggufValue.array('float32', [0.25, -1.5]),
};

describe('writeGgufFile', () => {
  it('round-trips typed metadata and F32/F16 tensors, 32-byte aligned', async () => {
    const path = join(directory, 'round-trip.gguf');
    const wide = Float32Array.from({ length: 15 }, (_, index) => index / 4 - 1);
    const half = Float32Array.from([0.5, -2, 1024, 0.125, 3]);
    await writeGgufFile(path, {
      metadata,
      tensors: [
        { name: 'wide', type: 'F32', dimensions: [5, 3], data: wide },
        { name: 'half', type: 'F16', dimensions: [5], data: half },
      ],
    });

    const bytes = await readFile(path);
    expect(bytes.toString('latin1', 0, 4)).toBe('GGUF');
    expect(bytes.readUInt32LE(4)).toBe(3);
    expect(bytes.readBigUInt64LE(8)).toBe(2n);
    expect(bytes.readBigUInt64LE(16)).toBe(BigInt(Object.keys(metadata).length));

    const file = await readGgufFile(path);
    expect(file.metadata).toEqual({
      ...metadata,
      'test.uint64': { type: 'uint64', value: 2n ** 63n },
      'test.int64': { type: 'int64', value: -5n },
    });
    expect(Object.keys(file.metadata)).toEqual(Object.keys(metadata));
    expect(file.tensors.map(({ name, type, dimensions }) => ({ name, type, dimensions }))).toEqual([
      { name: 'wide', type: 'F32', dimensions: [5, 3] },
      { name: 'half', type: 'F16', dimensions: [5] },
    ]);
    expect(file.dataOffset % 32).toBe(0);
    for (const tensor of file.tensors) expect(tensor.offset % 32).toBe(0);
    expect(await readGgufTensor(file, 'wide')).toEqual(wide);
    expect(await readGgufTensor(file, 'half')).toEqual(half);
    expect(bytes.length).toBe(file.dataOffset + 64 + 32);
  });

  it('rejects a tensor whose data does not fill its dimensions, leaving no file behind', async () => {
    const path = join(directory, 'bad-tensor.gguf');
    const write = writeGgufFile(path, {
      metadata: {},
      tensors: [{ name: 'short', type: 'F32', dimensions: [4, 4], data: new Float32Array(15) }],
    });
    await expect(write).rejects.toSatisfy((error) => AndesError.isInstance(error) && error.code === 'invalid_request');
    expect((await readdir(directory)).filter((name) => name.startsWith('bad-tensor'))).toEqual([]);
  });

  it('streams chunked tensor data, a repeated chunk as many times as it is yielded', async () => {
    const path = join(directory, 'chunked.gguf');
    const block = Float32Array.from([1, -0.5, 0.25]);
    const chunks = {
      *chunks() {
        yield block;
        yield block;
        yield block.subarray(0, 1);
      },
    };
    await writeGgufFile(path, {
      metadata: {},
      tensors: [{ name: 'tiled', type: 'F16', dimensions: [7], data: chunks }],
    });
    const file = await readGgufFile(path);
    expect(Array.from(await readGgufTensor(file, 'tiled'))).toEqual([1, -0.5, 0.25, 1, -0.5, 0.25, 1]);
  });

  it('rejects chunked data that falls short of the dimensions, leaving no file behind', async () => {
    const path = join(directory, 'short-chunks.gguf');
    const chunks = {
      *chunks() {
        yield new Float32Array(5);
      },
    };
    const write = writeGgufFile(path, {
      metadata: {},
      tensors: [{ name: 'short', type: 'F32', dimensions: [6], data: chunks }],
    });
    await expect(write).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await readdir(directory)).filter((name) => name.startsWith('short-chunks'))).toEqual([]);
  });

  it('rejects a value whose JS type does not match its GGUF type', async () => {
    const write = writeGgufFile(join(directory, 'bad-value.gguf'), {
      metadata: { 'test.wrong': ggufValue.array('uint32', ['not a number']) },
      tensors: [],
    });
    await expect(write).rejects.toThrow(/test\.wrong/);
  });
});
