import type { Assistant, Collection, Conversation } from '../api/api-types.js';

/** What answers a conversation: an assistant (its live version) or a collection. */
export type ChatTarget = { kind: 'assistant'; name: string } | { kind: 'collection'; name: string };

/** The combobox value of a target: `assistant:NAME` or `collection:NAME`. */
export const targetValue = (target: ChatTarget): string => `${target.kind}:${target.name}`;

/** The target a combobox value names. */
export function parseTargetValue(value: string): ChatTarget {
  const [kind, ...rest] = value.split(':');
  return { kind: kind === 'assistant' ? 'assistant' : 'collection', name: rest.join(':') };
}

/** The target of a stored conversation. */
export function conversationTarget(conversation: Conversation): ChatTarget {
  return conversation.assistant !== undefined
    ? { kind: 'assistant', name: conversation.assistant }
    : { kind: 'collection', name: conversation.collection ?? 'default' };
}

/** The body of `POST /api/conversations` for a target. */
export const conversationBody = (target: ChatTarget) =>
  target.kind === 'assistant' ? { assistant: target.name } : { collection: target.name };

/** The collection a target's citations come from, when known (an assistant's first collection). */
export function targetCollection(target: ChatTarget, assistants: readonly Assistant[]): string | undefined {
  if (target.kind === 'collection') return target.name;
  return assistants.find((assistant) => assistant.name === target.name)?.collections[0];
}

/** The target a new chat starts with: the first collection holding documents, else the first assistant, else `default`. */
export function defaultTarget(collections: readonly Collection[], assistants: readonly Assistant[]): ChatTarget {
  const withDocuments = collections.find((collection) => (collection.documentCount ?? 0) > 0) ?? collections[0];
  if (withDocuments !== undefined) return { kind: 'collection', name: withDocuments.name };
  if (assistants[0] !== undefined) return { kind: 'assistant', name: assistants[0].name };
  return { kind: 'collection', name: 'default' };
}
