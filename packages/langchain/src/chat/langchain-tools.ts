import type { BindToolsInput, ToolChoice as LangChainToolChoice } from '@langchain/core/language_models/chat_models';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import type { ToolChoice, ToolDefinition } from '@andes-rag/core';

/** LangChain tools (structured tools, OpenAI tool objects, `{name, schema}`) as Andes tool definitions. */
export function toToolDefinitions(tools: readonly BindToolsInput[]): ToolDefinition[] {
  return tools.map((tool) => {
    const { name, description, parameters } = convertToOpenAITool(tool).function;
    return {
      name,
      ...(description === undefined ? {} : { description }),
      ...(parameters === undefined ? {} : { parameters: parameters as Record<string, unknown> }),
    };
  });
}

/**
 * LangChain's `tool_choice` as Andes's: `auto` and `none` as they are, `any` / `required` as `required`, a tool's
 * name or `{type: 'function', function: {name}}` as that tool.
 */
export function toToolChoice(choice: LangChainToolChoice | undefined): ToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (choice === 'auto' || choice === 'none') return choice;
  if (choice === 'any' || choice === 'required') return 'required';
  if (typeof choice === 'string') return { name: choice };
  const named = (choice as { function?: { name?: unknown } }).function?.name;
  return typeof named === 'string' ? { name: named } : 'required';
}
