import { AndesError, type ChatModel } from '@andes-rag/core';
import type { AndesConfig } from '../config/andes-config.js';
import type { CollectionAnswerer } from '../service/answer-from-collection.js';
import { withDeadline } from '../limits/with-deadline.js';
import { adapterOfModel } from '../served-models/adapter-model.js';
import { collectionOfModel } from '../served-models/served-model.js';
import { unknownModelError } from '../served-models/unknown-model-error.js';
import type { ChatRequest, ChatResult } from './chat-request.js';
import { plainChat } from './plain-chat.js';
import { resolveMaxTokens } from './resolve-max-tokens.js';
import { retrievalChat } from './retrieval-chat.js';

/** What {@link chat} needs from the runtime. */
export interface ChatParts {
  config: AndesConfig;
  chatModel: ChatModel | undefined;
  /** The one answer pipeline's parts, with answers capped at the given tokens (for `andes:<collection>`). */
  answerer: (maxAnswerTokens: number) => CollectionAnswerer;
}

/**
 * Answers a chat request with the model it names: `andes:<collection>` answers from that collection with
 * citations, the chat model's id chats plainly, `<chat model id>+<adapter>` chats through that configured LoRA
 * adapter (the base model stays loaded; a request's own `generation.lora` is replaced by it). `maxTokens` defaults to `config.maxAnswerTokens`; one above the chat model's context is refused; the whole
 * request (queueing included) by `config.requestTimeoutMs`.
 *
 * @throws AndesError `not_found` (unknown model), `invalid_request`, `collection_not_found`, `context_overflow`,
 *   `queue_full`, `timeout`, `aborted`, `model_error`.
 */
export async function chat(parts: ChatParts, request: ChatRequest): Promise<ChatResult> {
  const { config, chatModel } = parts;
  if (request.messages.length === 0) {
    throw new AndesError('invalid_request', 'A chat needs at least one message.', { details: { param: 'messages' } });
  }
  const maxTokens = resolveMaxTokens(
    request.generation?.maxTokens,
    config.maxAnswerTokens,
    chatModel?.contextSize ?? config.maxAnswerTokens,
  );
  const collection = collectionOfModel(request.model);
  if (collection !== undefined && request.generation?.tools?.length) {
    throw new AndesError('invalid_request', 'Tools apply to the chat model, not to an andes:<collection> model.', {
      details: { param: 'tools' },
    });
  }
  if (collection !== undefined) {
    return withDeadline(config.requestTimeoutMs, request.signal, (signal) =>
      retrievalChat({
        answerer: parts.answerer(maxTokens),
        collection,
        request,
        sources: config.answerSources,
        maxQuestionChars: config.maxQuestionChars,
        signal,
      }),
    );
  }
  if (chatModel === undefined) throw unknownModelError(request.model);
  const lora = adapterOfModel(request.model, chatModel.id, config.loraAdapters);
  if (request.model !== chatModel.id && lora === undefined) throw unknownModelError(request.model);
  const adapted: ChatRequest =
    lora === undefined ? request : { ...request, generation: { ...request.generation, lora } };
  return withDeadline(config.requestTimeoutMs, request.signal, (signal) =>
    plainChat({ chatModel, request: adapted, maxTokens, signal }),
  );
}
