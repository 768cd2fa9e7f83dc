import { AndesError, type ChatMessage, type ToolCall, type ToolDefinition } from '@andes-rag/core';
import { jsonSchemaProblem, type ChatGenerationOptions } from '@andes-rag/runtime';
import { z } from 'zod';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const content = z.union([z.string(), z.array(textPart)]);
const toolCallSchema = z.object({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});
const messageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: content.nullish() }),
  z.object({ role: z.literal('developer'), content: content.nullish() }),
  z.object({ role: z.literal('user'), content: content.nullish() }),
  z.object({ role: z.literal('assistant'), content: content.nullish(), tool_calls: z.array(toolCallSchema).nullish() }),
  z.object({ role: z.literal('tool'), content, tool_call_id: z.string().min(1) }),
]);
/** A JSON schema bounded before a grammar is built from it: its size is paid at every sampled token. */
const boundedJsonSchema = z.record(z.string(), z.unknown()).superRefine((schema, context) => {
  const problem = jsonSchemaProblem(schema);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});
const toolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tool name is 1 to 64 letters, digits, _ or -'),
    description: z.string().nullish(),
    parameters: boundedJsonSchema.nullish(),
    strict: z.boolean().nullish(),
  }),
});
const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string().min(1) }) }),
]);
const optionalNumber = (schema: z.ZodNumber) => schema.nullish();

/**
 * The body of `POST /v1/chat/completions`: OpenAI's fields Andes honours. Unknown fields are ignored, as OpenAI's
 * newer fields are by older servers; `n` above 1 and `logprobs` are refused. `tools` (functions only) with
 * `tool_choice`, assistant `tool_calls` and `tool` messages are OpenAI's; `andes_sources_in_content: true` appends
 * a collection or assistant model's sources to the answer text as a `Sources:` block.
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
          schema: boundedJsonSchema,
        }),
      }),
    ])
    .nullish(),
  n: z.literal(1, { message: 'Andes generates one choice per request: n must be 1' }).nullish(),
  tools: z.array(toolSchema).max(64).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  andes_sources_in_content: z.boolean().nullish(),
});

/** A validated chat completion body. */
export type ChatCompletionBody = z.output<typeof chatCompletionBodySchema>;

/** A message's text: parts joined; none is empty. */
function textOf(value: z.output<typeof content> | null | undefined): string {
  return typeof value === 'string' ? value : (value ?? []).map((part) => part.text).join('');
}

/**
 * The conversation in Andes's terms: text parts joined, `developer` messages as `system` ones, an assistant's
 * `tool_calls` as its tool calls, and each `tool` message as the result of the call it answers (folded into that
 * assistant message, as Llama 3's chat template shows calls with their results). Throws `invalid_request` for a
 * tool message that answers no earlier call, or answers one twice.
 */
export function toChatMessages(body: ChatCompletionBody): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const openCalls = new Map<string, ToolCall>();
  body.messages.forEach((message, index) => {
    if (message.role === 'tool') {
      const call = openCalls.get(message.tool_call_id);
      if (call === undefined) {
        throw new AndesError(
          'invalid_request',
          `The tool message answers no earlier tool call "${message.tool_call_id}".`,
          {
            details: { param: `messages[${index}].tool_call_id` },
          },
        );
      }
      call.result = textOf(message.content);
      openCalls.delete(message.tool_call_id);
      return;
    }
    if (message.role !== 'assistant') {
      messages.push({ role: message.role === 'developer' ? 'system' : message.role, content: textOf(message.content) });
      return;
    }
    const toolCalls = (message.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    }));
    for (const call of toolCalls) openCalls.set(call.id, call);
    messages.push({ role: 'assistant', content: textOf(message.content), ...(toolCalls.length ? { toolCalls } : {}) });
  });
  return messages;
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
  if (body.tools?.length) options.tools = body.tools.map(toToolDefinition);
  if (body.tool_choice != null) {
    options.toolChoice =
      typeof body.tool_choice === 'string' ? body.tool_choice : { name: body.tool_choice.function.name };
  }
  return options;
}

/** An OpenAI function tool as Andes's tool definition. */
function toToolDefinition(tool: z.output<typeof toolSchema>): ToolDefinition {
  const { name, description, parameters } = tool.function;
  return { name, ...(description == null ? {} : { description }), ...(parameters == null ? {} : { parameters }) };
}

/**
 * Throws for a body that validates but cannot be answered: `invalid_request` for empty text to answer, and for
 * `logprobs` / `top_logprobs`, which Andes does not produce (node-llama-cpp's chat generation, which applies the
 * chat template, stop strings and grammars, reports no token probabilities).
 */
export function assertAnswerable(body: ChatCompletionBody, messages: readonly ChatMessage[]): void {
  if (body.logprobs === true || (body.top_logprobs ?? 0) > 0) {
    throw new AndesError('invalid_request', 'logprobs are unsupported: Andes does not report token probabilities.', {
      details: { param: body.logprobs === true ? 'logprobs' : 'top_logprobs' },
    });
  }
  if (messages.every((message) => message.content.trim() === '' && !message.toolCalls?.length)) {
    throw new AndesError('invalid_request', 'Every message is empty.', { details: { param: 'messages' } });
  }
}
