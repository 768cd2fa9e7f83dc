/**
 * Decode and prompt tokens/s of a Llama-3-8B-shaped GGUF on a CUDA GPU, for 1, 4, 8 and 16 parallel streams, next
 * to the physical ceiling for decode (memory bandwidth / bytes of weights read per token); what `andes models
 * inspect` estimates for it; and Andes's `LlamaChatModel` generation against raw node-llama-cpp on it.
 * Figures measured on an H100: docs/benchmarks/llama-8b-gpu.md.
 *
 * The model has Meta-Llama-3-8B's shapes (32 blocks, 4096 wide, 32 query / 8 KV heads, 14336 SwiGLU, 128,256
 * vocabulary, untied output) with random F16 weights: speed does not depend on weight values. It is written once,
 * streamed (16 GB, never all in memory), into `ANDES_BENCH_MODEL_DIR` (default: `<tmp>/andes-bench`).
 *
 * Run: `pnpm bench llama-8b-gpu`. Without an NVIDIA GPU it prints `skipped: no GPU` and exits 0. With one but no
 * CUDA build of llama.cpp, it says how to build one and exits 1.
 * Environment: `ANDES_GPU_BANDWIDTH_GBPS` sets the bandwidth when the GPU is not in the table below;
 * `ANDES_BENCH_CPU_DRY_RUN=1` runs the same measurements on the CPU with the tiny test model, to check this
 * script on a machine without a GPU (its figures say nothing about GPUs); `ANDES_BENCH_PREPARE_ONLY=1` only writes
 * the model file (to write it while llama.cpp's CUDA build runs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readGgufFile } from '@andes-rag/gguf';
import { ensureTestModels, makeTestModel } from '@andes-rag/testing';
import { loadLlamaBackend } from '@andes-rag/inference';
import { compareAndesWithRaw, printInspection } from './gpu/andes-vs-raw-generation.js';

type Llama = Awaited<ReturnType<typeof loadLlamaBackend>>;
type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;
type LlamaContext = Awaited<ReturnType<LlamaModel['createContext']>>;
type Sequence = ReturnType<LlamaContext['getSequence']>;
type Token = Parameters<Sequence['evaluate']>[0][number];

const dryRun = process.env['ANDES_BENCH_CPU_DRY_RUN'] === '1';
const streamCounts = [1, 4, 8, 16];
const promptLength = dryRun ? 64 : 512;
const decodeLength = dryRun ? 16 : 128;

/** Published peak memory bandwidth, GB/s, by GPU name. */
const bandwidthByName: [RegExp, number][] = [
  [/H200/i, 4800],
  [/H100.*NVL/i, 3900],
  [/H100.*PCIe/i, 2000],
  [/H100/i, 3350],
  [/A100.*80GB/i, 2039],
  [/A100/i, 1555],
  [/L40S/i, 864],
  [/RTX 4090/i, 1008],
];

/** The GPU `nvidia-smi` reports, or undefined when there is none. */
function detectNvidiaGpu(): { name: string; memoryMiB: number } | undefined {
  const result = spawnSync('nvidia-smi', ['--query-gpu=name,memory.total', '--format=csv,noheader,nounits'], {
    encoding: 'utf8',
  });
  const [name, memory] =
    result.status === 0 ? (result.stdout.split('\n')[0] ?? '').split(',').map((part) => part.trim()) : [];
  return name ? { name, memoryMiB: Number(memory) } : undefined;
}

function bandwidthGigabytesPerSecond(gpuName: string): number | undefined {
  const fromEnvironment = Number(process.env['ANDES_GPU_BANDWIDTH_GBPS']);
  if (fromEnvironment > 0) return fromEnvironment;
  return bandwidthByName.find(([pattern]) => pattern.test(gpuName))?.[1];
}

/** The 8B-shaped model's path, written first when missing. */
async function eightBShapedModel(): Promise<string> {
  const directory = process.env['ANDES_BENCH_MODEL_DIR'] ?? path.join(os.tmpdir(), 'andes-bench');
  const modelPath = path.join(directory, 'llama-3-8b-shaped-f16.gguf');
  if (existsSync(modelPath)) return modelPath;
  console.log(`writing ${modelPath} (16 GB, streamed)…`);
  const started = performance.now();
  await mkdir(directory, { recursive: true });
  await makeTestModel(modelPath, {
    name: 'andes-llama-3-8b-shaped',
    embeddingLength: 4096,
    blockCount: 32,
    headCount: 32,
    kvHeadCount: 8,
    feedForwardLength: 14336,
    contextLength: 8192,
    untiedOutput: true,
    tokenEmbeddingType: 'F16',
    weightType: 'F16',
    weightFill: 'tiled',
  });
  console.log(`written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return modelPath;
}

/**
 * Bytes of weights a decode step reads: every tensor, but the token embedding only when it is not also the output
 * head (the embedding lookup reads one row of it).
 */
async function weightBytesPerToken(modelPath: string): Promise<number> {
  const gguf = await readGgufFile(modelPath);
  const bytes = (name: string) => {
    const tensor = gguf.tensors.find((candidate) => candidate.name === name);
    const elements = tensor?.dimensions.reduce((product, dimension) => product * dimension, 1) ?? 0;
    return elements * (tensor?.type === 'F32' ? 4 : 2);
  };
  const total = gguf.tensors.reduce((sum, tensor) => sum + bytes(tensor.name), 0);
  return bytes('output.weight') > 0 ? total - bytes('token_embd.weight') : total;
}

function randomPrompt(length: number, seed: number): Token[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state % 128000) as Token;
  });
}

/**
 * Aggregate prompt tokens/s with `sequences` evaluating a prompt each, at once. The same batch shape runs once
 * untimed first: the first batch of a new size sets up GPU kernels and buffers (without it, 1 stream measured
 * 1,927 tokens/s on an H100 instead of 14,700–15,400).
 */
async function promptRate(sequences: Sequence[]): Promise<number> {
  const clear = () => Promise.all(sequences.map((sequence) => sequence.clearHistory()));
  const evaluatePrompts = () =>
    Promise.all(
      sequences.map((sequence, index) =>
        sequence.evaluateWithoutGeneratingNewTokens(randomPrompt(promptLength, index + 1)),
      ),
    );
  await clear();
  await evaluatePrompts(); // warm-up
  await clear();
  const started = performance.now();
  await evaluatePrompts();
  return (sequences.length * promptLength) / ((performance.now() - started) / 1000);
}

/** Aggregate decode tokens/s with `sequences` generating greedily at once (timed after each one's first token). */
async function decodeRate(sequences: Sequence[]): Promise<number> {
  await Promise.all(sequences.map((sequence) => sequence.clearHistory()));
  const windows = await Promise.all(
    sequences.map(async (sequence, index) => {
      let decodeStart = 0;
      let generated = 0;
      for await (const token of sequence.evaluate(randomPrompt(16, index + 100), { temperature: 0 })) {
        void token;
        if (generated === 0) decodeStart = performance.now();
        if (++generated > decodeLength) break;
      }
      return { decodeStart, end: performance.now() };
    }),
  );
  const start = Math.min(...windows.map((window) => window.decodeStart));
  const end = Math.max(...windows.map((window) => window.end));
  return (sequences.length * decodeLength) / ((end - start) / 1000);
}

async function main(): Promise<void> {
  if (process.env['ANDES_BENCH_PREPARE_ONLY'] === '1') {
    console.log(`model ready: ${await eightBShapedModel()}`);
    return;
  }
  const gpu = dryRun ? { name: 'none (CPU dry run)', memoryMiB: 0 } : detectNvidiaGpu();
  if (gpu === undefined) {
    console.log('skipped: no GPU (nvidia-smi finds no NVIDIA GPU on this machine)');
    return;
  }
  let llama: Llama;
  try {
    llama = await loadLlamaBackend({ gpu: dryRun ? 'cpu' : 'cuda' });
  } catch (error) {
    console.log(`skipped: ${gpu.name} is present but no CUDA build of llama.cpp loads (${String(error)}).`);
    console.log('Build one on this machine with: npx --no node-llama-cpp source build --gpu cuda');
    process.exitCode = 1;
    return;
  }
  const modelPath = dryRun ? (await ensureTestModels()).chatModelPath : await eightBShapedModel();
  const threads = dryRun ? 1 : Math.max(1, os.availableParallelism());
  await printInspection(llama, modelPath, 8192, 4);
  const model = await llama.loadModel({ modelPath, gpuLayers: dryRun ? 0 : 'max' });
  const context = await model.createContext({
    sequences: Math.max(...streamCounts),
    contextSize: promptLength + decodeLength + 64,
    batchSize: Math.max(...streamCounts) * promptLength,
    threads,
  });
  try {
    const sequences = Array.from({ length: context.totalSequences }, () => context.getSequence());
    await decodeRate(sequences.slice(0, 1)); // warm-up: first CUDA kernels and buffers
    const rows = [];
    for (const streams of streamCounts) {
      const active = sequences.slice(0, streams);
      rows.push({ streams, decode: await decodeRate(active), prompt: await promptRate(active) });
    }
    const bytesPerToken = await weightBytesPerToken(modelPath);
    const bandwidth = bandwidthGigabytesPerSecond(gpu.name);
    const ceiling = bandwidth === undefined ? undefined : (bandwidth * 1e9) / bytesPerToken;
    console.log(
      `GPU ${gpu.name}${gpu.memoryMiB ? `, ${(gpu.memoryMiB / 1024).toFixed(0)} GiB` : ''}; backend ${llama.gpu || 'cpu'}; threads ${threads}`,
    );
    console.log(
      `model ${path.basename(modelPath)}, ${((await stat(modelPath)).size / 1e9).toFixed(2)} GB, ${model.gpuLayers} layers on the GPU`,
    );
    console.log(
      `weights read per decode step ${(bytesPerToken / 1e9).toFixed(2)} GB; bandwidth ${bandwidth ?? 'unknown (set ANDES_GPU_BANDWIDTH_GBPS)'} GB/s`,
    );
    console.log(
      `decode ceiling (bandwidth / weight bytes) ${ceiling === undefined ? 'unknown' : `${ceiling.toFixed(0)} tokens/s per step`}`,
    );
    console.log('streams  decode tokens/s  of ceiling × streams  prompt tokens/s  decode vs 1 stream');
    const single = rows[0]!.decode;
    for (const row of rows) {
      const ofCeiling = ceiling === undefined ? 'n/a' : `${((100 * row.decode) / (ceiling * row.streams)).toFixed(0)}%`;
      console.log(
        `${String(row.streams).padStart(7)}  ${row.decode.toFixed(1).padStart(15)}  ${ofCeiling.padStart(19)}  ${row.prompt.toFixed(0).padStart(15)}  ${(row.decode / single).toFixed(2).padStart(17)}x`,
      );
    }
    if (dryRun) console.log('(CPU dry run with the tiny model: checks this script, says nothing about GPUs)');
  } finally {
    await context.dispose();
    await model.dispose();
  }
  try {
    await compareAndesWithRaw(llama, modelPath, { threads, contextSize: 2048, tokens: dryRun ? 32 : 256, rounds: 5 });
  } finally {
    await llama.dispose();
  }
}

await main();
