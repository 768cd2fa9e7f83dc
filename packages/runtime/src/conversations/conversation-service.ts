import {
  AndesError,
  type ConversationMessage,
  type ConversationRecord,
  type ConversationStore,
  type KnowledgeStore,
} from '@andes-rag/core';
import type { AnswerTarget } from '../assistants/answer-target.js';
import type { TargetAnswer, TargetQuestion } from '../assistants/answer-for-target.js';
import type { AssistantRegistry } from '../assistants/assistant-registry.js';
import { validateText } from '../service/validate-text.js';
import { withDeadline } from '../limits/with-deadline.js';
import type {
  ConversationTurn,
  ConversationWithMessages,
  CreateConversationRequest,
  ExportDatasetRequest,
  FineTuningExample,
  RateMessageRequest,
  SendMessageRequest,
} from './conversation-requests.js';

/** The owner of conversations made without API keys. */
export const localOwner = 'local';

/** What {@link ConversationService} works with. */
export interface ConversationParts {
  conversations: ConversationStore;
  assistants: AssistantRegistry;
  store: KnowledgeStore;
  /** The one answer pipeline for a collection or an assistant version (see `answer-for-target.ts`). */
  answer: (target: AnswerTarget, question: TargetQuestion) => Promise<TargetAnswer>;
  maxQuestionChars: number;
  requestTimeoutMs: number;
}

/**
 * Conversations owned by a caller: someone else's conversation is `not_found`, as if it did not exist. A message
 * is answered through the one pipeline with the earlier turns as history (a follow-up is condensed, history is
 * trimmed to the context window), by the assistant's live version at that moment; the question and the answer
 * (citations, version, and the prompt the model saw) are stored together once the answer is complete.
 */
export class ConversationService {
  constructor(private readonly parts: ConversationParts) {}

  /** @throws AndesError `invalid_request` (neither or both targets), `not_found` (assistant), `collection_not_found`. */
  async create(request: CreateConversationRequest): Promise<ConversationRecord> {
    const { assistant, collection } = request;
    if ((assistant === undefined) === (collection === undefined)) {
      throw new AndesError('invalid_request', 'A conversation names either an assistant or a collection.');
    }
    if (assistant !== undefined) await this.parts.assistants.get(assistant);
    if (collection !== undefined && (await this.parts.store.getCollection(collection)) === undefined) {
      throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, {
        details: { collection },
      });
    }
    return this.parts.conversations.createConversation({
      owner: request.owner ?? localOwner,
      ...(assistant === undefined ? {} : { assistant }),
      ...(collection === undefined ? {} : { collection }),
    });
  }

  list(owner: string = localOwner): Promise<ConversationRecord[]> {
    return this.parts.conversations.listConversations(owner);
  }

  /** @throws AndesError `not_found`. */
  async get(id: string, owner: string = localOwner): Promise<ConversationWithMessages> {
    const conversation = await this.owned(id, owner);
    return { ...conversation, messages: await this.parts.conversations.listMessages(id) };
  }

  /** @throws AndesError `not_found`. */
  async delete(id: string, owner: string = localOwner): Promise<void> {
    await this.owned(id, owner);
    await this.parts.conversations.deleteConversation(id);
  }

  /** @throws AndesError `not_found`, `invalid_request`, and whatever answering throws (nothing is stored then). */
  async send(request: SendMessageRequest): Promise<ConversationTurn> {
    const conversation = await this.owned(request.conversationId, request.owner ?? localOwner);
    const question = validateText('content', request.content, this.parts.maxQuestionChars);
    const history = (await this.parts.conversations.listMessages(conversation.id)).map(({ role, content }) => ({
      role,
      content,
    }));
    const target: AnswerTarget =
      conversation.assistant === undefined
        ? { collection: conversation.collection ?? '' }
        : { assistant: await this.parts.assistants.resolve(conversation.assistant) };
    const { answer, prompt } = await withDeadline(this.parts.requestTimeoutMs, request.signal, (signal) =>
      this.parts.answer(target, {
        question,
        history,
        signal,
        ...(request.filter ? { filter: request.filter } : {}),
        ...(request.onTextChunk ? { onTextChunk: request.onTextChunk } : {}),
        ...(request.onCitations ? { onCitations: request.onCitations } : {}),
      }),
    );
    const [stored, reply] = await this.parts.conversations.appendMessages(conversation.id, [
      { role: 'user', content: question },
      {
        role: 'assistant',
        content: answer.answer,
        mode: answer.mode,
        citations: answer.citations,
        ...(answer.assistant ? { assistant: answer.assistant } : {}),
        ...(answer.standaloneQuestion === undefined ? {} : { standaloneQuestion: answer.standaloneQuestion }),
        ...(prompt ? { prompt } : {}),
      },
    ]);
    return {
      ...answer,
      conversationId: conversation.id,
      questionMessageId: stored?.id ?? '',
      messageId: reply?.id ?? '',
    };
  }

  /** @throws AndesError `not_found` (conversation, or no answer with that id in it). */
  async rate(request: RateMessageRequest): Promise<ConversationMessage> {
    await this.owned(request.conversationId, request.owner ?? localOwner);
    const rated = await this.parts.conversations.setFeedback(request.conversationId, request.messageId, {
      rating: request.rating,
      ...(request.comment === undefined ? {} : { comment: request.comment }),
    });
    if (rated === undefined) {
      throw new AndesError('not_found', `The conversation has no answer "${request.messageId}".`, {
        details: { messageId: request.messageId },
      });
    }
    return rated;
  }

  /**
   * Rated answers of an assistant as fine-tuning examples: the prompt messages exactly as the model saw them, then
   * the answer as stored. Extractive and "not covered" answers have no prompt and are left out.
   * @throws AndesError `not_found` for an unknown assistant.
   */
  async exportDataset(request: ExportDatasetRequest): Promise<FineTuningExample[]> {
    await this.parts.assistants.get(request.assistant);
    const answers = await this.parts.conversations.listRatedAnswers({
      assistant: request.assistant,
      rating: request.feedback ?? 'up',
      ...(request.version === undefined ? {} : { version: request.version }),
    });
    return answers.flatMap((message) =>
      message.prompt === undefined
        ? []
        : [{ messages: [...message.prompt, { role: 'assistant' as const, content: message.content }] }],
    );
  }

  private async owned(id: string, owner: string): Promise<ConversationRecord> {
    const conversation = await this.parts.conversations.getConversation(id);
    if (conversation === undefined || conversation.owner !== owner) {
      throw new AndesError('not_found', `The conversation "${id}" does not exist.`, {
        details: { conversationId: id },
      });
    }
    return conversation;
  }
}
