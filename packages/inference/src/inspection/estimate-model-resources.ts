import type { GgufFileInfo, GgufInsights, Llama } from 'node-llama-cpp';
import { importNodeLlamaCpp } from '../backend/import-node-llama-cpp.js';
import type { ModelResourceEstimate } from './model-resource-estimate.js';

/** What to estimate for; see {@link InspectModelOptions}. */
export interface ResourceEstimateRequest {
  contextSize: number;
  sequences: number;
  gpuLayers: number | 'max' | undefined;
}

/**
 * node-llama-cpp's own estimate (`GgufInsights`, the numbers it uses to fit layers and contexts when loading) of
 * the memory a model with a context takes on `llama`'s backend, against the free memory now.
 */
export async function estimateModelResources(
  info: GgufFileInfo,
  llama: Llama,
  request: ResourceEstimateRequest,
): Promise<ModelResourceEstimate> {
  const { GgufInsights } = await importNodeLlamaCpp();
  const insights = await GgufInsights.from(info, llama);
  const gpuLayers = await resolveGpuLayers(insights, llama, request);
  const model = await insights.estimateModelResourceRequirementsV2({ gpuLayers });
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize: request.contextSize,
    sequences: request.sequences,
    modelGpuLayers: gpuLayers,
  });
  const freeVramBytes = llama.gpu === false ? undefined : (await llama.getVramState()).free;
  const freeRamBytes = (await llama.getRamState()).free;
  const vramBytes = model.gpuVram + context.gpuVram;
  const ramBytes = model.cpuRam + context.cpuRam;
  return {
    contextSize: request.contextSize,
    sequences: request.sequences,
    gpu: llama.gpu,
    gpuLayers,
    totalLayers: insights.totalLayers,
    vramBytes,
    ramBytes,
    modelBytes: { vram: model.gpuVram, ram: model.cpuRam },
    contextBytes: { vram: context.gpuVram, ram: context.cpuRam },
    freeVramBytes,
    freeRamBytes,
    fits: (freeVramBytes === undefined || vramBytes <= freeVramBytes) && ramBytes <= freeRamBytes,
  };
}

async function resolveGpuLayers(
  insights: GgufInsights,
  llama: Llama,
  request: ResourceEstimateRequest,
): Promise<number> {
  if (llama.gpu === false) return 0;
  if (request.gpuLayers === 'max') return insights.totalLayers;
  if (request.gpuLayers !== undefined) return Math.min(request.gpuLayers, insights.totalLayers);
  try {
    const resolved = await insights.configurationResolver.resolveModelGpuLayersV2({
      fitContext: { contextSize: request.contextSize * request.sequences },
    });
    return resolved.gpuLayers;
  } catch (error) {
    // Not even the smallest split fits: estimate for all layers on the GPU, which then does not fit.
    const { InsufficientMemoryError } = await importNodeLlamaCpp();
    if (error instanceof InsufficientMemoryError) return insights.totalLayers;
    throw error;
  }
}
