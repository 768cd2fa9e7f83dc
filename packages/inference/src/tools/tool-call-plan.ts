import { randomUUID } from 'node:crypto';
import { AndesError, type ChatMessage, type JsonSchema, type ToolCall, type ToolDefinition } from '@andes-rag/core';
import type { ChatModelFunctions, GbnfJsonSchema } from 'node-llama-cpp';
import { toGrammarSchema } from '../chat/grammar-schema.js';

/**
 * How one generation treats its tools:
 * - `none`: no tools (none given, or `toolChoice: 'none'`);
 * - `native`: the tools go to node-llama-cpp as functions: the chat template (Llama 3's) documents them in the
 *   prompt, the model decides whether to call one in the template's own syntax, and node-llama-cpp stops at the
 *   call and returns it parsed, unexecuted, for the caller to run;
 * - `forced`: the model must call a tool (`required`, or one named): the answer is constrained by a grammar to
 *   `{"name": …, "arguments": …}` for the allowed tools, after a system message describing them.
 */
export type ToolCallPlan =
  | { kind: 'none' }
  | { kind: 'native'; functions: ChatModelFunctions }
  | { kind: 'forced'; schema: JsonSchema; instructions: string };

/** A new OpenAI-style call id, `call_` and 24 hex digits. */
export function newToolCallId(): string {
  return `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/** The arguments schema of `tool` in node-llama-cpp's grammar form; an object without properties when it has none. */
function argumentsSchema(tool: ToolDefinition): Record<string, unknown> {
  if (tool.parameters === undefined || Object.keys(tool.parameters).length === 0) {
    return { type: 'object', properties: {} };
  }
  return toGrammarSchema(tool.parameters, `#/tools/${tool.name}/parameters`);
}

/**
 * The plan for `tools` under `toolChoice` (default `auto`). Throws AndesError `invalid_request` for duplicate
 * names, a named choice that is not among the tools, a parameters schema no grammar can enforce, or tools
 * together with a JSON schema for the answer (both would constrain the same output).
 */
export function planToolCalls(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: 'auto' | 'none' | 'required' | { name: string } | undefined,
  jsonSchema: JsonSchema | undefined,
): ToolCallPlan {
  if (tools === undefined || tools.length === 0 || toolChoice === 'none') {
    if (typeof toolChoice === 'object' || toolChoice === 'required') {
      throw new AndesError('invalid_request', 'tool_choice asks for a tool call, but no tools were given.', {
        details: { param: 'tool_choice' },
      });
    }
    return { kind: 'none' };
  }
  if (new Set(tools.map((tool) => tool.name)).size !== tools.length) {
    throw new AndesError('invalid_request', 'Tool names must be unique.', { details: { param: 'tools' } });
  }
  if (jsonSchema !== undefined) {
    throw new AndesError('invalid_request', 'A JSON response format and tools cannot be combined.', {
      details: { param: 'response_format' },
    });
  }
  if (toolChoice === undefined || toolChoice === 'auto') {
    const functions: Record<string, ChatModelFunctions[string]> = {};
    for (const tool of tools) {
      functions[tool.name] = {
        ...(tool.description === undefined ? {} : { description: tool.description }),
        params: argumentsSchema(tool) as GbnfJsonSchema,
      };
    }
    return { kind: 'native', functions };
  }
  const allowed = toolChoice === 'required' ? tools : tools.filter((tool) => tool.name === toolChoice.name);
  if (allowed.length === 0) {
    throw new AndesError(
      'invalid_request',
      `tool_choice names "${(toolChoice as { name: string }).name}", which is not among the tools.`,
      {
        details: { param: 'tool_choice' },
      },
    );
  }
  const alternatives = allowed.map((tool) => ({
    type: 'object',
    properties: { name: { const: tool.name }, arguments: argumentsSchema(tool) },
    required: ['name', 'arguments'],
    additionalProperties: false,
  }));
  return {
    kind: 'forced',
    schema: alternatives.length === 1 ? alternatives[0]! : { oneOf: alternatives },
    instructions: forcedCallInstructions(allowed),
  };
}

/** The system message that tells the model which tools it must choose from and how to write the call. */
function forcedCallInstructions(tools: readonly ToolDefinition[]): string {
  const listed = tools.map((tool) => ({
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    parameters: tool.parameters ?? { type: 'object', properties: {} },
  }));
  return (
    'Call one of these tools. Reply with only a JSON object {"name": <tool name>, "arguments": <arguments object>}.\n' +
    `Tools: ${JSON.stringify(listed)}`
  );
}

/** The messages with the forced-call instructions added as a system message before the last one. */
export function withForcedCallInstructions(messages: readonly ChatMessage[], instructions: string): ChatMessage[] {
  const last = messages.length - 1;
  return [...messages.slice(0, last), { role: 'system', content: instructions }, ...messages.slice(last)];
}

/** The call a forced generation wrote: its JSON text parsed into a {@link ToolCall}. Throws `model_error` if cut short. */
export function parseForcedToolCall(text: string): ToolCall {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AndesError('model_error', 'The tool call was cut short before its JSON ended; raise max_tokens.', {
      cause: error,
    });
  }
  const { name, arguments: callArguments } = parsed as { name: string; arguments: unknown };
  return { id: newToolCallId(), name, arguments: JSON.stringify(callArguments) };
}

/** The calls node-llama-cpp parsed from the template's function-call syntax, as {@link ToolCall}s. */
export function nativeToolCalls(calls: readonly { functionName: string; params: unknown }[] | undefined): ToolCall[] {
  return (calls ?? []).map((call) => ({
    id: newToolCallId(),
    name: call.functionName,
    arguments: JSON.stringify(call.params ?? {}),
  }));
}
