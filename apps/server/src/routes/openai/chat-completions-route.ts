import { Router, type Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { AndesService, ChatRequest } from '@andes-rag/runtime';
import { abortOnDisconnect } from '../../http/abort-on-disconnect.js';
import {
  chatCompletion,
  chatCompletionChunk,
  finalChunk,
  newCompletionIdentity,
  usageChunk,
  type CompletionIdentity,
} from './chat-completion-objects.js';
import {
  assertAnswerable,
  chatCompletionBodySchema,
  toChatMessages,
  toGenerationOptions,
} from './chat-completion-request.js';
import { parseOpenAiInput } from './openai-input.js';
import { describeOpenAiError } from './openai-error.js';
import { OpenAiEventStream } from './openai-event-stream.js';
import { serviceFor } from '../../security/request-caller.js';

/**
 * `POST /chat/completions` (under `/v1`): OpenAI's chat completion, answered by `service.chat`. `model` is the chat
 * model's id (plain chat) or `andes:<collection>` (answered from the collection; citations in `andes_citations`).
 * With `stream: true` the answer streams as `chat.completion.chunk` events and `[DONE]`; a failure after the first
 * chunk is a `data: {"error": ...}` event. A client that disconnects aborts the generation.
 */
export function createChatCompletionsRoute(): Router {
  const router = Router();
  router.post('/chat/completions', async (request, response) => {
    const body = parseOpenAiInput(chatCompletionBodySchema, request.body);
    const messages = toChatMessages(body);
    assertAnswerable(messages);
    const chatRequest: ChatRequest = {
      model: body.model,
      messages,
      generation: toGenerationOptions(body),
      signal: abortOnDisconnect(response),
    };
    const identity = newCompletionIdentity(body.model);
    if (body.stream !== true) {
      response.json(chatCompletion(identity, await serviceFor(response).chat(chatRequest)));
      return;
    }
    await streamCompletion({
      service: serviceFor(response),
      chatRequest,
      identity,
      response,
      logger: request.log,
      includeUsage: body.stream_options?.include_usage === true,
    });
  });
  return router;
}

interface StreamCompletionOptions {
  service: AndesService;
  chatRequest: ChatRequest;
  identity: CompletionIdentity;
  response: Response;
  logger: PinoLogger;
  includeUsage: boolean;
}

/** Streams one completion; the role chunk goes out with the first text, so earlier failures keep their status. */
async function streamCompletion({
  service,
  chatRequest,
  identity,
  response,
  logger,
  includeUsage,
}: StreamCompletionOptions): Promise<void> {
  const stream = new OpenAiEventStream(response);
  const sendRole = () => stream.send(chatCompletionChunk(identity, { role: 'assistant', content: '' }));
  try {
    const result = await service.chat({
      ...chatRequest,
      onTextChunk: (text) => {
        if (text === '') return;
        if (!stream.started) sendRole();
        stream.send(chatCompletionChunk(identity, { content: text }));
      },
    });
    if (!stream.started) sendRole();
    stream.send(finalChunk(identity, result));
    if (includeUsage) stream.send(usageChunk(identity, result));
    stream.done();
  } catch (error) {
    if (!stream.started) throw error;
    stream.send(describeOpenAiError(error, response, logger).body);
    stream.end();
  }
}
