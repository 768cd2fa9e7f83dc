import { AndesError, type ChatMessage, type GenerateOptions } from '@andes-rag/core';

/**
 * The body of an OpenAI chat completion request for `messages` with `options`, in the fields OpenAI-compatible
 * servers share: `seed`, `stop`, `response_format` (`json_schema`, `strict`), `top_p`, `frequency_penalty`,
 * `presence_penalty`, and the extensions llama.cpp's server and Andes accept (`top_k`, `min_p`, `repeat_penalty`,
 * `repeat_last_n`; vLLM reads `repetition_penalty`). `temperature` defaults to 0 (greedy), as the local model's does.
 * A per-request LoRA file cannot travel to a remote server: `invalid_request`.
 */
export function remoteGenerationBody(
  model: string,
  messages: readonly ChatMessage[],
  options: GenerateOptions,
  defaultMaxTokens: number,
): Record<string, unknown> {
  if (options.lora !== undefined) {
    throw new AndesError(
      'invalid_request',
      'A LoRA adapter file cannot be applied through a remote inference server: configure the adapter there and ' +
        'send its model name.',
      { details: { param: 'lora' } },
    );
  }
  const body: Record<string, unknown> = {
    model,
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    max_tokens: options.maxTokens ?? defaultMaxTokens,
    temperature: options.temperature ?? 0,
  };
  if (options.seed !== undefined) body['seed'] = options.seed;
  if (options.topK !== undefined) body['top_k'] = options.topK;
  if (options.topP !== undefined) body['top_p'] = options.topP;
  if (options.minP !== undefined) body['min_p'] = options.minP;
  if (options.stopSequences !== undefined && options.stopSequences.length > 0)
    body['stop'] = [...options.stopSequences];
  const penalty = options.repeatPenalty;
  if (penalty === false) {
    Object.assign(body, { repeat_penalty: 1, repetition_penalty: 1, frequency_penalty: 0, presence_penalty: 0 });
  } else if (penalty !== undefined) {
    if (penalty.penalty !== undefined)
      Object.assign(body, { repeat_penalty: penalty.penalty, repetition_penalty: penalty.penalty });
    if (penalty.lastTokens !== undefined) body['repeat_last_n'] = penalty.lastTokens;
    if (penalty.frequencyPenalty !== undefined) body['frequency_penalty'] = penalty.frequencyPenalty;
    if (penalty.presencePenalty !== undefined) body['presence_penalty'] = penalty.presencePenalty;
  }
  if (options.jsonSchema !== undefined) {
    body['response_format'] = {
      type: 'json_schema',
      json_schema: { name: 'answer', schema: options.jsonSchema, strict: true },
    };
  }
  return body;
}
