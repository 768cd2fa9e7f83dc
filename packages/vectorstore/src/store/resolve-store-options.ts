import { AndesError } from '@andes-rag/core';
import type { SqliteKnowledgeStoreOptions } from './store-options.js';

/** The numeric {@link SqliteKnowledgeStoreOptions} with their defaults filled in. */
export interface ResolvedStoreOptions {
  indexSaveDelayMs: number;
  exactSearchLimit: number;
  allowedLabelCacheSize: number;
  vectorCompactionThreshold: number;
}

/** Checks the options and fills in defaults; throws an AndesError `invalid_request` naming a bad value. */
export function resolveStoreOptions(options: SqliteKnowledgeStoreOptions): ResolvedStoreOptions {
  if (typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
    throw new AndesError('invalid_request', 'dataDir must be a non-empty path');
  }
  for (const name of ['indexSaveDelayMs', 'exactSearchLimit', 'allowedLabelCacheSize'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new AndesError('invalid_request', `${name} must be a non-negative integer, got ${value}`);
    }
  }
  const threshold = options.vectorCompactionThreshold ?? 0.25;
  if (!(threshold > 0 && threshold <= 1)) {
    const message = `vectorCompactionThreshold must be above 0 and at most 1, got ${threshold}`;
    throw new AndesError('invalid_request', message);
  }
  return {
    indexSaveDelayMs: options.indexSaveDelayMs ?? 2000,
    exactSearchLimit: options.exactSearchLimit ?? 1000,
    allowedLabelCacheSize: options.allowedLabelCacheSize ?? 32,
    vectorCompactionThreshold: threshold,
  };
}
