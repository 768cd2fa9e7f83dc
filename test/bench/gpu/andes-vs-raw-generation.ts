import { formatModelInspection, inspectModel, LlamaChatModel, type loadLlamaBackend } from '@andes-rag/inference';
import { openRawGenerator } from '../serving/raw-llama.js';

const messages = [{ role: 'user' as const, content: 'Write a long story about a llama who lives in the Andes.' }];
type Llama = Awaited<ReturnType<typeof loadLlamaBackend>>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * What `andes models inspect FILE --context N` would print for this model on this machine, before anything is
 * loaded: node-llama-cpp's VRAM/RAM estimate, the GPU layers loading would choose, and whether it fits.
 */
export async function printInspection(
  llama: Llama,
  modelPath: string,
  contextSize: number,
  sequences: number,
): Promise<void> {
  const inspection = await inspectModel(modelPath, { contextSize, sequences, llama });
  console.log(`andes models inspect --context ${contextSize} (${sequences} sequences), before loading:`);
  for (const line of formatModelInspection(inspection).split('\n')) console.log(`  ${line}`);
}

/**
 * One stream of greedy tokens through Andes's `LlamaChatModel` against node-llama-cpp's own `LlamaChat` on the same
 * model file, threads and context size, both with their default GPU layer fitting; alternating rounds, medians.
 */
export async function compareAndesWithRaw(
  llama: Llama,
  modelPath: string,
  options: { threads: number; contextSize: number; tokens: number; rounds: number },
): Promise<void> {
  const andes = await LlamaChatModel.load({
    llama,
    modelPath,
    contextSize: options.contextSize,
    threads: options.threads,
    sequences: 1,
  });
  const raw = await openRawGenerator(modelPath, options.threads, options.contextSize, { gpu: 'auto' });
  try {
    console.log(`Andes LlamaChatModel: ${andes.gpuLayers} layers on the GPU (auto), context ${andes.contextSize}`);
    const andesRates: number[] = [];
    const rawRates: number[] = [];
    for (let round = 0; round < options.rounds + 1; round += 1) {
      const started = performance.now();
      const generation = await andes.generate(messages, { maxTokens: options.tokens, temperature: 0 });
      const andesMilliseconds = performance.now() - started;
      const direct = await raw.generate(messages, options.tokens);
      if (round === 0) continue; // warm-up, both sides
      andesRates.push((generation.completionTokens / andesMilliseconds) * 1000);
      rawRates.push((direct.tokens / direct.milliseconds) * 1000);
      if (generation.completionTokens !== direct.tokens)
        console.log(`  note: token counts differ (Andes ${generation.completionTokens}, raw ${direct.tokens})`);
    }
    const ratio = median(andesRates) / median(rawRates);
    console.log(
      `generation, 1 stream, ${options.tokens} tokens, prompt included (median of ${options.rounds}): Andes ${median(andesRates).toFixed(1)} tokens/s, ` +
        `raw node-llama-cpp ${median(rawRates).toFixed(1)} tokens/s: ${ratio.toFixed(3)}x (goal >= 0.95x)`,
    );
  } finally {
    await andes.dispose();
    await raw.dispose();
  }
}
