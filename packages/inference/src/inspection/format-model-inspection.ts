import type { ModelInspection } from './model-inspection.js';
import type { ModelResourceEstimate } from './model-resource-estimate.js';

/** A human-readable report of a {@link ModelInspection}, one figure per line, for the CLI. */
export function formatModelInspection(inspection: ModelInspection): string {
  const known = (value: number | undefined) => (value === undefined ? 'unknown' : value.toLocaleString('en-US'));
  const attention =
    inspection.heads !== undefined && inspection.kvHeads !== undefined && inspection.kvHeads < inspection.heads
      ? 'grouped-query attention'
      : 'multi-head attention';
  const lines: [string, string][] = [
    ['Model', `${inspection.name ?? '(no name)'} (architecture ${inspection.architecture})`],
    ['File', `${inspection.path} (${formatBytes(inspection.fileBytes)})`],
    ['Layers', known(inspection.layers)],
    [
      'Heads',
      `${known(inspection.heads)}, KV heads ${known(inspection.kvHeads)}, head dimension ${known(inspection.headDimension)} (${attention})`,
    ],
    ['Embedding length', known(inspection.embeddingLength)],
    ['Feed-forward length', known(inspection.feedForwardLength)],
    ['Vocabulary', `${known(inspection.vocabularySize)} tokens, pre-tokenizer ${inspection.tokenizerPre ?? 'unknown'}`],
    ['Llama 3 tokenizer', inspection.llama3Tokenizer ? 'yes' : 'no'],
    ['Chat template', inspection.hasChatTemplate ? 'yes' : 'no'],
    ['Context length', `${known(inspection.contextLength)} tokens`],
    ['RoPE base', known(inspection.ropeFrequencyBase)],
    ['KV cache (F16)', kvCacheLine(inspection)],
    ...resourceLines(inspection.resources),
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

function kvCacheLine(inspection: ModelInspection): string {
  const perToken = inspection.kvCacheBytesPerToken;
  if (perToken === undefined) return 'unknown';
  const context = inspection.contextLength;
  const total =
    context === undefined ? '' : `, ${formatBytes(perToken * context)} at ${context.toLocaleString('en-US')} tokens`;
  return `${perToken.toLocaleString('en-US')} bytes per token${total}`;
}

function resourceLines(resources: ModelResourceEstimate | undefined): [string, string][] {
  if (resources === undefined) return [];
  const { contextSize, sequences, modelBytes, contextBytes } = resources;
  const context = `${contextSize.toLocaleString('en-US')} tokens${sequences > 1 ? ` × ${sequences} sequences` : ''}`;
  const split = (total: number, model: number, ofContext: number) =>
    `${formatBytes(total)} (model ${formatBytes(model)} + context ${formatBytes(ofContext)})`;
  const placement =
    resources.gpu === false
      ? 'CPU only (no GPU backend)'
      : `${resources.gpuLayers} of ${resources.totalLayers} layers on the GPU (${resources.gpu})`;
  const free =
    resources.freeVramBytes === undefined
      ? `${formatBytes(resources.freeRamBytes)} RAM free`
      : `${formatBytes(resources.freeVramBytes)} VRAM and ${formatBytes(resources.freeRamBytes)} RAM free`;
  const vram: [string, string][] =
    resources.gpu === false ? [] : [['  VRAM', split(resources.vramBytes, modelBytes.vram, contextBytes.vram)]];
  return [
    ['Memory estimate', `for a context of ${context}, ${placement}`],
    ...vram,
    ['  RAM', split(resources.ramBytes, modelBytes.ram, contextBytes.ram)],
    ['Fits this machine', `${resources.fits ? 'yes' : 'no'} (${free})`],
  ];
}

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
