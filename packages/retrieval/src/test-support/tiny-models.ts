import { LlamaEmbeddingModel } from '@andes/embeddings';
import { ensureTestModels, LlamaChatModel, loadLlamaBackend } from '@andes/inference';

/** The llama.cpp backend on the CPU, for tests. */
export function loadTestBackend() {
  return loadLlamaBackend({ gpu: 'cpu' });
}

/** The project's tiny random-weight Llama 3 chat model, one thread, one sequence. */
export async function loadTinyChatModel(llama: Awaited<ReturnType<typeof loadTestBackend>>, contextSize = 2048): Promise<LlamaChatModel> {
  const { chatModelPath } = await ensureTestModels();
  return LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 1, contextSize });
}

/** The project's tiny random-weight Llama 3 embedding model, one thread. */
export async function loadTinyEmbeddingModel(llama: Awaited<ReturnType<typeof loadTestBackend>>): Promise<LlamaEmbeddingModel> {
  const { embeddingModelPath } = await ensureTestModels();
  return LlamaEmbeddingModel.load({ llama, modelPath: embeddingModelPath, threads: 1, contextSize: 512 });
}
