import type * as NodeLlamaCpp from 'node-llama-cpp';

let loading: Promise<typeof NodeLlamaCpp> | undefined;

/**
 * node-llama-cpp, imported on first use. Its module graph has a top-level await, so importing it statically would
 * make this package, and every package above it, impossible to load with `require()` of ES modules (Node 20.17+
 * with `--experimental-require-module`, Node 22.12+ by default). Types are imported statically with `import type`.
 */
export function importNodeLlamaCpp(): Promise<typeof NodeLlamaCpp> {
  loading ??= import('node-llama-cpp');
  return loading;
}
