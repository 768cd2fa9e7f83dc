import { AndesError } from '@andes-rag/core';
import { ggufValue, readGgufFile, writeGgufFile, type GgufTensorInput } from '@andes-rag/gguf';
import { randomValues, seededRandom } from './seeded-random.js';

/** A weight matrix of each Llama block that a LoRA adapter can change. */
export type LoraTarget = 'attn_q' | 'attn_k' | 'attn_v' | 'attn_output' | 'ffn_gate' | 'ffn_up' | 'ffn_down';

/** The shape figures of a Llama model that decide an adapter's tensor shapes. */
export interface LoraBaseShape {
  embeddingLength: number;
  blockCount: number;
  headCount: number;
  kvHeadCount: number;
  feedForwardLength: number;
}

/** Options of {@link makeTestLoraAdapter}. */
export interface TestLoraAdapterOptions {
  /** The base model's GGUF file: the adapter's shapes and architecture are read from it. Wins over `shape`. */
  baseModelPath?: string;
  /** The base model's shape when no file is given. Default: the default test model's (64 / 2 blocks / 4 heads / 2 KV heads / 128). */
  shape?: LoraBaseShape;
  /** Rank of the low-rank update (columns of A, rows of B). Default 4. */
  rank?: number;
  /** `adapter.lora.alpha`: llama.cpp scales the update by `scale × alpha / rank`. Default: `rank` (a factor of 1). */
  alpha?: number;
  /** Seed of the random A and B matrices. Default 3. */
  seed?: number;
  /** Matrices to adapt, in every block. Default: all seven. */
  targets?: readonly LoraTarget[];
  /** `general.name`. Default `andes-tiny-llama3-lora`. */
  name?: string;
}

/** What {@link makeTestLoraAdapter} wrote. */
export interface TestLoraAdapterDescription {
  path: string;
  architecture: string;
  rank: number;
  alpha: number;
  seed: number;
  /** Names of the tensors written (`blk.N.<target>.weight.lora_a` / `.lora_b`). */
  tensorNames: string[];
}

const allTargets: readonly LoraTarget[] = [
  'attn_q',
  'attn_k',
  'attn_v',
  'attn_output',
  'ffn_gate',
  'ffn_up',
  'ffn_down',
];
const defaultShape: LoraBaseShape = {
  embeddingLength: 64,
  blockCount: 2,
  headCount: 4,
  kvHeadCount: 2,
  feedForwardLength: 128,
};

/**
 * Writes a LoRA adapter GGUF with deterministic random weights, as llama.cpp loads adapters: `general.type =
 * adapter`, `adapter.type = lora`, `adapter.lora.alpha`, and per adapted matrix W (ggml shape `[n_in, n_out]`)
 * two tensors `blk.N.<target>.weight.lora_a` (`[n_in, rank]`) and `.lora_b` (`[rank, n_out]`), so that
 * W' = W + scale × alpha / rank × B·A. Unlike a trained adapter (B starts at zero), B is random, so the adapter
 * visibly changes the model's output. The file appears atomically.
 */
export async function makeTestLoraAdapter(
  outPath: string,
  options: TestLoraAdapterOptions = {},
): Promise<TestLoraAdapterDescription> {
  const rank = options.rank ?? 4;
  const alpha = options.alpha ?? rank;
  const seed = options.seed ?? 3;
  if (!Number.isInteger(rank) || rank < 1)
    throw new AndesError('invalid_request', `LoRA rank must be a positive integer, not ${rank}`);
  const { architecture, matrices } =
    options.baseModelPath === undefined
      ? { architecture: 'llama', matrices: matricesOfShape(options.shape ?? defaultShape) }
      : await matricesOfFile(options.baseModelPath);
  const targets = new Set(options.targets ?? allTargets);
  const random = seededRandom(seed);
  const tensors: GgufTensorInput[] = [];
  for (const { name, inputs, outputs } of matrices) {
    if (!targets.has(targetOf(name))) continue;
    tensors.push(
      {
        name: `${name}.lora_a`,
        type: 'F32',
        dimensions: [inputs, rank],
        data: randomValues(random, inputs * rank, 1 / Math.sqrt(inputs)),
      },
      {
        name: `${name}.lora_b`,
        type: 'F32',
        dimensions: [rank, outputs],
        data: randomValues(random, rank * outputs, 1 / Math.sqrt(rank)),
      },
    );
  }
  await writeGgufFile(outPath, {
    metadata: {
      'general.architecture': ggufValue.string(architecture),
      'general.type': ggufValue.string('adapter'),
      'general.name': ggufValue.string(options.name ?? 'andes-tiny-llama3-lora'),
      'general.alignment': ggufValue.uint32(32),
      'adapter.type': ggufValue.string('lora'),
      'adapter.lora.alpha': ggufValue.float32(alpha),
    },
    tensors,
  });
  return { path: outPath, architecture, rank, alpha, seed, tensorNames: tensors.map((tensor) => tensor.name) };
}

interface AdaptableMatrix {
  /** e.g. `blk.0.attn_q.weight`. */
  name: string;
  inputs: number;
  outputs: number;
}

function matricesOfShape(shape: LoraBaseShape): AdaptableMatrix[] {
  const embedding = shape.embeddingLength;
  const kvLength = (shape.kvHeadCount * embedding) / shape.headCount;
  const sizes: Record<LoraTarget, [number, number]> = {
    attn_q: [embedding, embedding],
    attn_k: [embedding, kvLength],
    attn_v: [embedding, kvLength],
    attn_output: [embedding, embedding],
    ffn_gate: [embedding, shape.feedForwardLength],
    ffn_up: [embedding, shape.feedForwardLength],
    ffn_down: [shape.feedForwardLength, embedding],
  };
  return Array.from({ length: shape.blockCount }, (_, block) =>
    allTargets.map((target) => ({
      name: `blk.${block}.${target}.weight`,
      inputs: sizes[target][0],
      outputs: sizes[target][1],
    })),
  ).flat();
}

async function matricesOfFile(path: string): Promise<{ architecture: string; matrices: AdaptableMatrix[] }> {
  const base = await readGgufFile(path);
  const architecture = base.metadata['general.architecture'];
  if (architecture?.type !== 'string')
    throw new AndesError('invalid_model_file', `GGUF file names no general.architecture: ${path}`);
  const matrices = base.tensors
    .filter((tensor) =>
      /^blk\.\d+\.(attn_q|attn_k|attn_v|attn_output|ffn_gate|ffn_up|ffn_down)\.weight$/.test(tensor.name),
    )
    .map((tensor) => ({ name: tensor.name, inputs: tensor.dimensions[0] ?? 0, outputs: tensor.dimensions[1] ?? 0 }));
  return { architecture: architecture.value, matrices };
}

function targetOf(matrixName: string): LoraTarget {
  return matrixName.split('.')[2] as LoraTarget;
}
