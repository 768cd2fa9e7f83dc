import { describe, expect, it } from 'vitest';
import { loadConfig } from './andes-config.js';

describe('LoRA adapters in the configuration', () => {
  it('default to none and read ANDES_LORA_ADAPTERS as JSON', () => {
    expect(loadConfig({}, {}).loraAdapters).toEqual({});
    const config = loadConfig(
      {},
      { ANDES_LORA_ADAPTERS: '{"pirate": {"path": "/adapters/pirate.gguf", "scale": 2}, "plain": {"path": "a.gguf"}}' },
    );
    expect(config.loraAdapters).toEqual({
      pirate: { path: '/adapters/pirate.gguf', scale: 2 },
      plain: { path: 'a.gguf' },
    });
  });

  it('refuses text that is not JSON, a missing path and a name with a "+" or "/"', () => {
    expect(() => loadConfig({}, { ANDES_LORA_ADAPTERS: 'pirate=/a.gguf' })).toThrow(/loraAdapters/);
    expect(() => loadConfig({}, { ANDES_LORA_ADAPTERS: '{"pirate": {"scale": 1}}' })).toThrow(/loraAdapters/);
    expect(() => loadConfig({ loraAdapters: { 'a+b': { path: 'a.gguf' } } }, {})).toThrow(/loraAdapters/);
    expect(() => loadConfig({ loraAdapters: { 'a/b': { path: 'a.gguf' } } }, {})).toThrow(/loraAdapters/);
  });
});
