import { LlamaEmbeddingModel, LlamaReranker } from '@andes-rag/embeddings';
import { ensureTestModels, ensureTestReranker } from '@andes-rag/testing';
import { LlamaChatModel, loadLlamaBackend } from '@andes-rag/inference';

/** The llama.cpp backend on the CPU, for tests. */
export function loadTestBackend() {
  return loadLlamaBackend({ gpu: 'cpu' });
}

/** The project's tiny random-weight Llama 3 chat model, one thread, one sequence. */
export async function loadTinyChatModel(
  llama: Awaited<ReturnType<typeof loadTestBackend>>,
  contextSize = 2048,
): Promise<LlamaChatModel> {
  const { chatModelPath } = await ensureTestModels();
  return LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 1, contextSize });
}

/** The project's tiny random-weight Llama 3 embedding model, one thread. */
export async function loadTinyEmbeddingModel(
  llama: Awaited<ReturnType<typeof loadTestBackend>>,
): Promise<LlamaEmbeddingModel> {
  const { embeddingModelPath } = await ensureTestModels();
  return LlamaEmbeddingModel.load({ llama, modelPath: embeddingModelPath, threads: 1, contextSize: 512 });
}

/** The project's tiny random-weight Qwen3-architecture reranker (see `@andes-rag/gguf`'s `makeTestReranker`), one thread. */
export async function loadTinyReranker(llama: Awaited<ReturnType<typeof loadTestBackend>>): Promise<LlamaReranker> {
  return LlamaReranker.load({ llama, modelPath: await ensureTestReranker(), threads: 1, contextSize: 512 });
}
