import { describe, expect, it } from 'vitest';
import type { Logger } from '@andes-rag/core';
import { loadLlamaBackend } from './load-llama-backend.js';

describe('loadLlamaBackend', () => {
  it('loads the CPU backend when asked for cpu and reports it to the logger', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message) => lines.push(message),
      info: (message) => lines.push(message),
      warn: (message) => lines.push(message),
      error: (message) => lines.push(message),
    };
    const llama = await loadLlamaBackend({ gpu: 'cpu', logger });
    try {
      expect(llama.gpu).toBe(false);
      expect(lines).toContain('llama.cpp backend loaded');
    } finally {
      await llama.dispose();
    }
  });
});
