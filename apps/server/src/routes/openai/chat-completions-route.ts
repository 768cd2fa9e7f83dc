import { Router, type Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { AndesService, ChatRequest } from '@andes-rag/runtime';
import { abortOnDisconnect } from '../../http/abort-on-disconnect.js';
import {
  chatCompletion,
  chatCompletionChunk,
  finalChunk,
  newCompletionIdentity,
  toolCallsDelta,
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
import { setCitationsHeaders, sourcesBlock } from './citations-header.js';
import { describeOpenAiError } from './openai-error.js';
import { OpenAiEventStream } from './openai-event-stream.js';
import { serviceFor } from '../../security/request-caller.js';

/**
 * `POST /chat/completions` (under `/v1`): OpenAI's chat completion, answered by `service.chat`. `model` is the chat
 * model's id (plain chat) or `andes:<collection>` (answered from the collection; citations in `andes_citations`).
 * A non-streamed answer with citations also carries them in the `X-Andes-Citations` header (see
 * `citations-header.ts`); `andes_sources_in_content: true` appends them to the text as a `Sources:` block.
 * With `tools`, the chat model may answer with `tool_calls` (`finish_reason: "tool_calls"`) for the client to run;
 * their results come back as `tool` messages in the next request.
 * With `stream: true` the answer streams as `chat.completion.chunk` events and `[DONE]`; tool calls arrive whole in
 * one `tool_calls` delta before the finish; a failure after the first chunk is a `data: {"error": ...}` event.
 * A client that disconnects aborts the generation.
 */
export function createChatCompletionsRoute(): Router {
  const router = Router();
  router.post('/chat/completions', async (request, response) => {
    const body = parseOpenAiInput(chatCompletionBodySchema, request.body);
    const messages = toChatMessages(body);
    assertAnswerable(body, messages);
    const chatRequest: ChatRequest = {
      model: body.model,
      messages,
      generation: toGenerationOptions(body),
      signal: abortOnDisconnect(response),
    };
    const identity = newCompletionIdentity(body.model);
    const sourcesInContent = body.andes_sources_in_content === true;
    if (body.stream !== true) {
      const result = await serviceFor(response).chat(chatRequest);
      setCitationsHeaders(response, result.citations);
      response.json(chatCompletion(identity, result, sourcesInContent ? sourcesBlock(result.citations) : ''));
      return;
    }
    await streamCompletion({
      service: serviceFor(response),
      chatRequest,
      identity,
      response,
      logger: request.log,
      includeUsage: body.stream_options?.include_usage === true,
      sourcesInContent,
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
  /** Whether a `Sources:` block follows the answer's text as one more content delta. */
  sourcesInContent: boolean;
}

/** Streams one completion; the role chunk goes out with the first text, so earlier failures keep their status. */
async function streamCompletion({
  service,
  chatRequest,
  identity,
  response,
  logger,
  includeUsage,
  sourcesInContent,
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
    const sources = sourcesInContent ? sourcesBlock(result.citations) : '';
    if (sources !== '') stream.send(chatCompletionChunk(identity, { content: sources }));
    if (result.toolCalls !== undefined) stream.send(chatCompletionChunk(identity, toolCallsDelta(result.toolCalls)));
    stream.send(finalChunk(identity, result));
    if (includeUsage) stream.send(usageChunk(identity, result));
    stream.done();
  } catch (error) {
    if (!stream.started) throw error;
    stream.send(describeOpenAiError(error, response, logger).body);
    stream.end();
  }
}
