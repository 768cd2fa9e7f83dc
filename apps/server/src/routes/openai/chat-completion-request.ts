import { AndesError, type ChatMessage } from '@andes-rag/core';
import { jsonSchemaProblem, type ChatGenerationOptions } from '@andes-rag/runtime';
import { z } from 'zod';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(textPart)]).nullish(),
});
const optionalNumber = (schema: z.ZodNumber) => schema.nullish();

/**
 * The body of `POST /v1/chat/completions`: OpenAI's fields Andes honours. Unknown fields are ignored, as OpenAI's
 * newer fields are by older servers; `n` above 1, tools and tool messages are refused.
 * `top_k`, `min_p` and `repeat_penalty` are extensions other local servers (llama.cpp, vLLM) accept too.
 */
export const chatCompletionBodySchema = z.object({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: optionalNumber(z.number().int().positive()),
  max_completion_tokens: optionalNumber(z.number().int().positive()),
  temperature: optionalNumber(z.number().min(0).max(2)),
  top_p: optionalNumber(z.number().min(0).max(1)),
  top_k: optionalNumber(z.number().int().min(0)),
  min_p: optionalNumber(z.number().min(0).max(1)),
  repeat_penalty: optionalNumber(z.number().positive()),
  frequency_penalty: optionalNumber(z.number().min(-2).max(2)),
  presence_penalty: optionalNumber(z.number().min(-2).max(2)),
  seed: optionalNumber(z.number().int()),
  stop: z.union([z.string().min(1), z.array(z.string().min(1)).max(4)]).nullish(),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({
          name: z.string().optional(),
          // Bounded before a grammar is built from it: its size is paid at every sampled token.
          schema: z.record(z.string(), z.unknown()).superRefine((schema, context) => {
            const problem = jsonSchemaProblem(schema);
            if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
          }),
        }),
      }),
    ])
    .nullish(),
  n: z.literal(1, { message: 'Andes generates one choice per request: n must be 1' }).nullish(),
  tools: z.array(z.unknown()).max(0, { message: 'Andes does not call tools' }).nullish(),
});

/** A validated chat completion body. */
export type ChatCompletionBody = z.output<typeof chatCompletionBodySchema>;

/** The conversation in Andes's terms: text parts joined, `developer` messages as `system` ones. */
export function toChatMessages(body: ChatCompletionBody): ChatMessage[] {
  return body.messages.map((message) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content:
      typeof message.content === 'string' ? message.content : (message.content ?? []).map((part) => part.text).join(''),
  }));
}

/** The generation settings the body sets; unset ones are left to Andes's defaults (greedy, `maxAnswerTokens`). */
export function toGenerationOptions(body: ChatCompletionBody): ChatGenerationOptions {
  const options: ChatGenerationOptions = {};
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens != null) options.maxTokens = maxTokens;
  if (body.temperature != null) options.temperature = body.temperature;
  if (body.top_p != null) options.topP = body.top_p;
  if (body.top_k != null) options.topK = body.top_k;
  if (body.min_p != null) options.minP = body.min_p;
  if (body.seed != null) options.seed = body.seed;
  if (body.stop != null) options.stopSequences = typeof body.stop === 'string' ? [body.stop] : body.stop;
  if (body.repeat_penalty != null || body.frequency_penalty != null || body.presence_penalty != null) {
    options.repeatPenalty = {
      ...(body.repeat_penalty == null ? {} : { penalty: body.repeat_penalty }),
      ...(body.frequency_penalty == null ? {} : { frequencyPenalty: body.frequency_penalty }),
      ...(body.presence_penalty == null ? {} : { presencePenalty: body.presence_penalty }),
    };
  }
  const format = body.response_format;
  if (format?.type === 'json_schema') options.jsonSchema = format.json_schema.schema;
  if (format?.type === 'json_object') options.jsonSchema = { type: 'object', additionalProperties: true };
  return options;
}

/** Throws `invalid_request` for a body that validates but cannot be answered: empty text to answer. */
export function assertAnswerable(messages: readonly ChatMessage[]): void {
  if (messages.every((message) => message.content.trim() === '')) {
    throw new AndesError('invalid_request', 'Every message is empty.', { details: { param: 'messages' } });
  }
}
