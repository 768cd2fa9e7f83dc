import type { Conversation } from '../api/api-types.js';
import { routeHref } from '../routing/use-hash-route.js';

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
  conversations: readonly Conversation[];
  currentId: string | undefined;
  onNewChat: () => void;
  onDelete: (conversation: Conversation) => void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The caller's conversations, newest first, with "New chat". */
export function ConversationList({ conversations, currentId, onNewChat, onDelete }: ConversationListProps) {
  return (
    <nav className="conversations" aria-label="Conversations">
      <button type="button" onClick={onNewChat}>
        New chat
      </button>
      {conversations.length === 0 ? <p className="hint">No conversations yet.</p> : null}
      <ul>
        {conversations.map((conversation) => {
          const label = conversation.title ?? conversation.assistant ?? conversation.collection ?? 'Conversation';
          return (
            <li key={conversation.id} className={conversation.id === currentId ? 'current' : undefined}>
              <a
                href={routeHref({ page: 'chat', conversationId: conversation.id })}
                aria-current={conversation.id === currentId ? 'page' : undefined}
              >
                <span className="conversation-title">{label}</span>
                <span className="conversation-time">{timeFormat.format(new Date(conversation.updatedAt))}</span>
              </a>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete conversation ${label}`}
                onClick={() => onDelete(conversation)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
