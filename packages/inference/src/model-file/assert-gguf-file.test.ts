import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ggufValue, writeGgufFile } from '@andes-rag/gguf';
import { ensureTestModels } from '@andes-rag/testing';
import { assertGgufFile } from './assert-gguf-file.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-assert-gguf-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('assertGgufFile', () => {
  it('returns the header of a real model', async () => {
    const { chatModelPath } = await ensureTestModels();
    const header = await assertGgufFile(chatModelPath);
    expect(header.metadata['general.architecture']?.value).toBe('llama');
  });

  it('refuses a missing path with model_not_found', async () => {
    await expect(assertGgufFile(join(directory, 'nothing.gguf'))).rejects.toMatchObject({ code: 'model_not_found' });
  });

  it('refuses a folder, text, a truncated header and a GGUF without architecture with invalid_model_file', async () => {
    const text = join(directory, 'text.gguf');
    await writeFile(text, '<html>not a model</html>');
    const truncated = join(directory, 'truncated.gguf');
    const { chatModelPath } = await ensureTestModels();
    const source = await open(chatModelPath, 'r');
    const { buffer } = await source.read(Buffer.alloc(4096), 0, 4096, 0);
    await source.close();
    await writeFile(truncated, buffer);
    const noArchitecture = join(directory, 'no-architecture.gguf');
    await writeGgufFile(noArchitecture, { metadata: { 'general.name': ggufValue.string('x') }, tensors: [] });

    for (const path of [directory, text, truncated, noArchitecture]) {
      await expect(assertGgufFile(path), path).rejects.toMatchObject({ code: 'invalid_model_file' });
    }
  });
});
