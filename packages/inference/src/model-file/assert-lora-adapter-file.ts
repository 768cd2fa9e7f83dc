import { AndesError } from '@andes-rag/core';
import { assertGgufFile } from './assert-gguf-file.js';

/**
 * Checks that `path` is a LoRA adapter GGUF before llama.cpp is handed it: `model_not_found` when nothing is
 * there, `invalid_model_file` when it is not a GGUF or not an adapter (`general.type = adapter`,
 * `adapter.type = lora`).
 */
export async function assertLoraAdapterFile(path: string): Promise<void> {
  const file = await assertGgufFile(path);
  const type = file.metadata['general.type']?.value;
  const adapterType = file.metadata['adapter.type']?.value;
  if (type !== 'adapter' || adapterType !== 'lora') {
    throw new AndesError(
      'invalid_model_file',
      `Not a LoRA adapter (general.type ${String(type)}, adapter.type ${String(adapterType)}): ${path}`,
      {
        details: { path },
      },
    );
  }
}
