import { describe, expect, it } from 'vitest';
import { samplingOptions } from './sampling-options.js';

describe('samplingOptions', () => {
  it('leaves unset options to node-llama-cpp, with the model’s default temperature', () => {
    expect(samplingOptions({}, { temperature: 0.3 })).toEqual({ temperature: 0.3 });
    expect(samplingOptions({})).toEqual({ temperature: 0 });
  });

  it('maps every Andes option to node-llama-cpp’s, dropping empty stop strings', () => {
    const options = samplingOptions({
      temperature: 0.7,
      topK: 20,
      topP: 0.8,
      minP: 0.05,
      seed: 9,
      repeatPenalty: { penalty: 1.2, lastTokens: 32, frequencyPenalty: 0.5, presencePenalty: -0.5 },
      stopSequences: ['\n\n', ''],
    });
    expect(options).toEqual({
      temperature: 0.7,
      topK: 20,
      topP: 0.8,
      minP: 0.05,
      seed: 9,
      repeatPenalty: { penalty: 1.2, lastTokens: 32, frequencyPenalty: 0.5, presencePenalty: -0.5 },
      customStopTriggers: ['\n\n'],
    });
    expect(samplingOptions({ repeatPenalty: false }).repeatPenalty).toBe(false);
  });

  it('names the option that is out of range', () => {
    expect(() => samplingOptions({ minP: 2 })).toThrow(/minP/);
    expect(() => samplingOptions({ seed: -1 })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => samplingOptions({ repeatPenalty: { presencePenalty: 3 } })).toThrow(/presencePenalty/);
  });
});
