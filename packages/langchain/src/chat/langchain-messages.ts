import { AIMessage, type BaseMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { AndesError, type ChatMessage, type ToolCall } from '@andes-rag/core';

/**
 * LangChain messages as Andes's chat messages: system (and developer) as `system`, human as `user`, AI messages with
 * their tool calls, and each tool message as the result of the call it answers (folded into that AI message, as the
 * OpenAI route does). Text parts are joined. Throws AndesError `invalid_request` for a tool message that answers no
 * earlier call and for other message types.
 */
export function toAndesMessages(messages: readonly BaseMessage[]): ChatMessage[] {
  const result: ChatMessage[] = [];
  const openCalls = new Map<string, ToolCall>();
  for (const message of messages) {
    if (ToolMessage.isInstance(message)) {
      const call = openCalls.get(message.tool_call_id);
      if (call === undefined) {
        throw new AndesError(
          'invalid_request',
          `The tool message answers no earlier tool call "${message.tool_call_id}".`,
        );
      }
      call.result = message.text;
      openCalls.delete(message.tool_call_id);
    } else if (AIMessage.isInstance(message)) {
      const toolCalls = (message.tool_calls ?? []).map((call, index) => ({
        id: call.id ?? `call_${result.length}_${index}`,
        name: call.name,
        arguments: JSON.stringify(call.args),
      }));
      for (const call of toolCalls) openCalls.set(call.id, call);
      result.push({ role: 'assistant', content: message.text, ...(toolCalls.length ? { toolCalls } : {}) });
    } else if (SystemMessage.isInstance(message)) {
      result.push({ role: 'system', content: message.text });
    } else if (message.type === 'human' || message.type === 'generic') {
      result.push({ role: 'user', content: message.text });
    } else {
      throw new AndesError('invalid_request', `ChatAndes cannot read a "${message.type}" message.`);
    }
  }
  return result;
}
