import type { LoraAdapterChoice } from '@andes-rag/core';
import type { LoraAdapterConfig } from '../config/lora-adapters-config.js';

/** Joins the chat model's id and an adapter name into a served model name: `tiny-chat+pirate`. */
export const adapterModelSeparator = '+';

/** The served model name for a configured LoRA adapter: `<chat model id>+<adapter name>`. */
export function adapterModelId(chatModelId: string, adapterName: string): string {
  return `${chatModelId}${adapterModelSeparator}${adapterName}`;
}

/**
 * The adapter a model name asks for, or undefined when the name is not `<chat model id>+<configured adapter>`.
 * Only configured adapters resolve: a client names an adapter, never a file.
 */
export function adapterOfModel(
  model: string,
  chatModelId: string,
  adapters: Readonly<Record<string, LoraAdapterConfig>>,
): LoraAdapterChoice | undefined {
  const prefix = `${chatModelId}${adapterModelSeparator}`;
  if (!model.startsWith(prefix)) return undefined;
  const adapter = Object.hasOwn(adapters, model.slice(prefix.length))
    ? adapters[model.slice(prefix.length)]
    : undefined;
  if (adapter === undefined) return undefined;
  return adapter.scale === undefined ? { path: adapter.path } : { path: adapter.path, scale: adapter.scale };
}
