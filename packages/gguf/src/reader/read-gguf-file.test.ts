import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AndesErrorCode } from '@andes-rag/core';
import { ggufValue } from '../format/gguf-value.js';
import { writeGgufFile } from '../writer/write-gguf-file.js';
import { readGgufFile } from './read-gguf-file.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-gguf-reader-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function withCode(code: AndesErrorCode) {
  return expect.objectContaining({ code });
}

describe('readGgufFile', () => {
  it('reports a missing file as model_not_found', async () => {
    await expect(readGgufFile(join(directory, 'missing.gguf'))).rejects.toEqual(withCode('model_not_found'));
  });

  it('reports a file without GGUF magic bytes as invalid_model_file', async () => {
    const path = join(directory, 'text.gguf');
    await writeFile(path, 'this is not a model');
    await expect(readGgufFile(path)).rejects.toEqual(withCode('invalid_model_file'));
  });

  it('reports a truncated header as invalid_model_file', async () => {
    const whole = join(directory, 'whole.gguf');
    await writeGgufFile(whole, { metadata: { 'general.name': ggufValue.string('x'.repeat(100)) }, tensors: [] });
    const truncated = join(directory, 'truncated.gguf');
    await writeFile(truncated, (await readFile(whole)).subarray(0, 60));
    await expect(readGgufFile(truncated)).rejects.toEqual(withCode('invalid_model_file'));
  });
});
