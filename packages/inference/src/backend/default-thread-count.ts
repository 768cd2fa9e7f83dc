import { availableParallelism } from 'node:os';

/**
 * Threads for llama.cpp evaluation when none are configured: one per logical core of this machine.
 * (node-llama-cpp would otherwise use at least 4, which is many times slower on a 2-core machine.)
 */
export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}
