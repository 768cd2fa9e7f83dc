import { AndesError, type GenerateOptions } from '@andes-rag/core';
import type { LLamaChatGenerateResponseOptions } from 'node-llama-cpp';

/** The node-llama-cpp options that decide how the next token is picked and when the answer ends. */
export type SamplingOptions = Pick<
  LLamaChatGenerateResponseOptions,
  'temperature' | 'topK' | 'topP' | 'minP' | 'seed' | 'repeatPenalty' | 'customStopTriggers'
>;

/** Model-wide defaults for options a request leaves unset. */
export interface SamplingDefaults {
  /** Default 0 (greedy). */
  temperature?: number;
}

/**
 * node-llama-cpp's sampling options for one request. Unset fields are left out, so node-llama-cpp's defaults
 * apply (top-k 40, top-p 0.95, min-p 0, repeat penalty 1.1 over the last 64 tokens). Rejects values outside their
 * range with AndesError `invalid_request`.
 */
export function samplingOptions(options: GenerateOptions, defaults: SamplingDefaults = {}): SamplingOptions {
  const temperature = options.temperature ?? defaults.temperature ?? 0;
  check('temperature', temperature, 0, Number.POSITIVE_INFINITY);
  const result: SamplingOptions = { temperature };
  if (options.topK !== undefined) result.topK = check('topK', options.topK, 0, Number.MAX_SAFE_INTEGER, true);
  if (options.topP !== undefined) result.topP = check('topP', options.topP, 0, 1);
  if (options.minP !== undefined) result.minP = check('minP', options.minP, 0, 1);
  if (options.seed !== undefined) result.seed = check('seed', options.seed, 0, 2 ** 32 - 1, true);
  if (options.repeatPenalty === false) result.repeatPenalty = false;
  else if (options.repeatPenalty !== undefined) {
    const { penalty, lastTokens, frequencyPenalty, presencePenalty } = options.repeatPenalty;
    result.repeatPenalty = {
      ...(penalty === undefined
        ? {}
        : { penalty: check('repeatPenalty.penalty', penalty, 0, Number.POSITIVE_INFINITY) }),
      ...(lastTokens === undefined
        ? {}
        : { lastTokens: check('repeatPenalty.lastTokens', lastTokens, 0, Number.MAX_SAFE_INTEGER, true) }),
      ...(frequencyPenalty === undefined
        ? {}
        : { frequencyPenalty: check('repeatPenalty.frequencyPenalty', frequencyPenalty, -2, 2) }),
      ...(presencePenalty === undefined
        ? {}
        : { presencePenalty: check('repeatPenalty.presencePenalty', presencePenalty, -2, 2) }),
    };
  }
  const stops = options.stopSequences?.filter((stop) => stop !== '') ?? [];
  if (stops.length > 0) result.customStopTriggers = stops;
  return result;
}

function check(name: string, value: number, minimum: number, maximum: number, integer = false): number {
  if (!Number.isFinite(value) || value < minimum || value > maximum || (integer && !Number.isInteger(value))) {
    const range = `${integer ? 'an integer ' : ''}from ${minimum} to ${maximum}`;
    throw new AndesError('invalid_request', `${name} must be ${range}, not ${value}`, {
      details: { option: name, value },
    });
  }
  return value;
}
