import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteResource, getJson, segment, sendJson } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { Citation, Conversation, ConversationMessage } from '../api/api-types.js';
import { streamAnswer } from '../api/stream-answer.js';
import { navigate } from '../routing/use-hash-route.js';
import type { ChatMessage } from './chat-message.js';
import {
  conversationBody,
  conversationTarget,
  defaultTarget,
  targetCollection,
  type ChatTarget,
} from './chat-target.js';
import { CitationDialog } from './citation-dialog.js';
import { Composer } from './composer.js';
import { ConversationList } from './conversation-list.js';
import { MessageView } from './message-view.js';
import { TargetPicker } from './target-picker.js';
import { useChatSources } from './use-chat-sources.js';

const fromStored = (message: ConversationMessage): ChatMessage => ({
  id: message.id,
  role: message.role,
  content: message.content,
  citations: message.citations ?? [],
  ...(message.mode === undefined ? {} : { mode: message.mode }),
  ...(message.feedback === undefined ? {} : { feedback: message.feedback.rating }),
  status: 'done',
});

let localIds = 0;
const localId = () => `local-${++localIds}`;

/** The chat: conversation list, the target combobox, the messages (streamed answers with sources) and the composer. */
export function ChatPage({ conversationId }: { conversationId: string | undefined }) {
  const sources = useChatSources();
  const [chosenTarget, setChosenTarget] = useState<ChatTarget | undefined>();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [streaming, setStreaming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [openCitation, setOpenCitation] = useState<Citation | undefined>();
  const controllerRef = useRef<AbortController | undefined>(undefined);
  /** The conversation this page created and is answering in: not reloaded when the route switches to it. */
  const ownConversationRef = useRef<string | undefined>(undefined);
  const logRef = useRef<HTMLDivElement>(null);

  const current: Conversation | undefined = sources.conversations.find((item) => item.id === conversationId);
  const target: ChatTarget =
    (current ? conversationTarget(current) : undefined) ??
    chosenTarget ??
    defaultTarget(sources.collections, sources.assistants);

  useEffect(() => {
    if (conversationId === undefined) {
      setMessages([]);
      return;
    }
    if (conversationId === ownConversationRef.current) return;
    controllerRef.current?.abort();
    let cancelled = false;
    setMessages([]);
    getJson<Conversation & { messages: ConversationMessage[] }>(`/api/conversations/${segment(conversationId)}`).then(
      (conversation) => {
        if (cancelled) return;
        setChosenTarget(conversationTarget(conversation));
        setMessages(conversation.messages.map(fromStored));
      },
      (error: unknown) => {
        if (!cancelled) setProblem(describeError(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [conversationId]);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages]);

  const updateLast = (update: (message: ChatMessage) => ChatMessage) =>
    setMessages((list) => list.map((message, index) => (index === list.length - 1 ? update(message) : message)));

  const send = useCallback(
    async (text: string) => {
      setProblem(undefined);
      const controller = new AbortController();
      controllerRef.current = controller;
      setStreaming(true);
      setMessages((list) => [
        ...list,
        { id: localId(), role: 'user', content: text, citations: [], status: 'done' },
        { id: localId(), role: 'assistant', content: '', citations: [], status: 'streaming' },
      ]);
      try {
        let id = conversationId;
        if (id === undefined) {
          const created = await sendJson<Conversation>('POST', '/api/conversations', conversationBody(target));
          id = created.id;
          ownConversationRef.current = id;
          navigate({ page: 'chat', conversationId: id });
        }
        const answer = await streamAnswer(
          `/api/conversations/${segment(id)}/messages`,
          { content: text },
          {
            onCitations: (citations) => updateLast((message) => ({ ...message, citations })),
            onToken: (token) => updateLast((message) => ({ ...message, content: message.content + token })),
          },
          controller.signal,
        );
        updateLast((message) => ({
          ...message,
          id: answer.messageId ?? message.id,
          content: answer.answer,
          citations:
            answer.citations.length > 0 || message.citations.length === 0 ? answer.citations : message.citations,
          mode: answer.mode,
          status: 'done',
        }));
      } catch (error) {
        if (controller.signal.aborted) updateLast((message) => ({ ...message, status: 'stopped' }));
        else updateLast((message) => ({ ...message, status: 'failed', error: describeError(error) }));
      } finally {
        setStreaming(false);
        controllerRef.current = undefined;
        void sources.reloadConversations();
      }
    },
    [conversationId, target, sources],
  );

  const stop = () => controllerRef.current?.abort();
  const newChat = () => {
    controllerRef.current?.abort();
    ownConversationRef.current = undefined;
    setMessages([]);
    navigate({ page: 'chat' });
  };
  const chooseTarget = (next: ChatTarget) => {
    setChosenTarget(next);
    if (conversationId !== undefined || messages.length > 0) newChat();
  };
  const deleteConversation = async (conversation: Conversation) => {
    if (!window.confirm('Delete this conversation and its messages?')) return;
    try {
      await deleteResource(`/api/conversations/${segment(conversation.id)}`);
      if (conversation.id === conversationId) newChat();
      await sources.reloadConversations();
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const rate = async (message: ChatMessage, rating: 'up' | 'down') => {
    if (conversationId === undefined) return;
    try {
      await sendJson('POST', `/api/conversations/${segment(conversationId)}/messages/${segment(message.id)}/feedback`, {
        rating,
      });
      setMessages((list) => list.map((item) => (item.id === message.id ? { ...item, feedback: rating } : item)));
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const lastQuestion = [...messages].reverse().find((message) => message.role === 'user');

  return (
    <div className="chat">
      <ConversationList
        conversations={sources.conversations}
        currentId={conversationId}
        onNewChat={newChat}
        onDelete={(conversation) => void deleteConversation(conversation)}
      />
      <section className="chat-main" aria-label="Chat">
        <TargetPicker
          value={target}
          collections={sources.collections}
          assistants={sources.assistants}
          onChange={chooseTarget}
        />
        {sources.error || problem ? (
          <p className="error" role="alert">
            {problem ?? sources.error}
          </p>
        ) : null}
        <div className="messages" role="log" aria-label="Messages" ref={logRef}>
          {messages.length === 0 ? (
            <p className="hint">Ask a question; answers cite their sources, and each source opens the document.</p>
          ) : null}
          {messages.map((message, index) => (
            <MessageView
              key={message.id}
              message={message}
              onOpenCitation={setOpenCitation}
              onFeedback={
                message.role === 'assistant' && message.status === 'done' && !message.id.startsWith('local-')
                  ? (rating) => void rate(message, rating)
                  : undefined
              }
              onRegenerate={
                index === messages.length - 1 && message.role === 'assistant' && !streaming && lastQuestion
                  ? () => void send(lastQuestion.content)
                  : undefined
              }
            />
          ))}
        </div>
        <Composer streaming={streaming} disabled={!sources.loaded} onSend={(text) => void send(text)} onStop={stop} />
      </section>
      {openCitation ? (
        <CitationDialog
          citation={openCitation}
          collection={targetCollection(target, sources.assistants)}
          onClose={() => setOpenCitation(undefined)}
        />
      ) : null}
    </div>
  );
}
