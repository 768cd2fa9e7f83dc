/** Memory a model and a context of a given size would take on this machine, and whether that fits. */
export interface ModelResourceEstimate {
  /** Tokens of context per sequence the estimate is for. */
  contextSize: number;
  /** Sequences, each holding `contextSize` tokens of KV cache. */
  sequences: number;
  /** The GPU backend the estimate assumes (`cuda`, `vulkan`, `metal`), or `false` on the CPU. */
  gpu: string | false;
  /** Layers on the GPU: as many as fit beside the context (node-llama-cpp's fitting), unless asked for a number. */
  gpuLayers: number;
  /** Layers of the model (blocks + the output layer). */
  totalLayers: number;
  /** Bytes of VRAM: model weights on the GPU + KV cache and compute buffers. */
  vramBytes: number;
  /** Bytes of RAM: weights kept on the CPU + the context's CPU share. */
  ramBytes: number;
  /** Of which the model's weights: VRAM and RAM. */
  modelBytes: { vram: number; ram: number };
  /** Of which the context (KV cache, compute buffers, logits): VRAM and RAM. */
  contextBytes: { vram: number; ram: number };
  /** Free VRAM now, when a GPU is present. */
  freeVramBytes: number | undefined;
  /** Free RAM now. */
  freeRamBytes: number;
  /** True when the VRAM need fits the free VRAM (with a GPU) and the RAM need fits the free RAM. */
  fits: boolean;
}
