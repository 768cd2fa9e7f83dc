import { stat } from 'node:fs/promises';
import { AndesError } from '@andes-rag/core';
import { readGgufFile, type GgufFile } from '@andes-rag/gguf';

/**
 * Checks that `path` is a readable GGUF model before llama.cpp is handed it (llama.cpp must never see
 * garbage): AndesError `model_not_found` when nothing is there, `invalid_model_file` when it is a folder, lacks
 * the GGUF magic bytes, has an unreadable header, or names no `general.architecture`. Returns the header.
 */
export async function assertGgufFile(path: string): Promise<GgufFile> {
  const details = { path };
  const stats = await stat(path).catch((error: unknown) => {
    throw new AndesError('model_not_found', `Model file not found: ${path}`, { cause: error, details });
  });
  if (!stats.isFile()) throw new AndesError('invalid_model_file', `Model path is not a file: ${path}`, { details });
  const file = await readGgufFile(path);
  if (file.metadata['general.architecture']?.type !== 'string') {
    throw new AndesError('invalid_model_file', `GGUF file names no general.architecture: ${path}`, { details });
  }
  return file;
}
