import { useCallback, useEffect, useState } from 'react';
import { getJson } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { Assistant, Collection, Conversation } from '../api/api-types.js';

/** The lists the chat needs: the caller's conversations, the collections and the assistants it may use. */
export interface ChatSources {
  conversations: Conversation[];
  collections: Collection[];
  assistants: Assistant[];
  loaded: boolean;
  error: string | undefined;
  reloadConversations: () => Promise<void>;
}

/** Loads the chat's lists once, and the conversation list again on demand. */
export function useChatSources(): ChatSources {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [collections, setCollections] = useState<Collection[]>([]);
  const [assistants, setAssistants] = useState<Assistant[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const reloadConversations = useCallback(async () => {
    try {
      setConversations((await getJson<{ conversations: Conversation[] }>('/api/conversations')).conversations);
    } catch (failure) {
      setError(describeError(failure));
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      getJson<{ collections: Collection[] }>('/api/collections'),
      getJson<{ assistants: Assistant[] }>('/api/assistants'),
      getJson<{ conversations: Conversation[] }>('/api/conversations'),
    ]).then(
      ([collectionList, assistantList, conversationList]) => {
        if (cancelled) return;
        setCollections(collectionList.collections);
        setAssistants(assistantList.assistants);
        setConversations(conversationList.conversations);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(describeError(failure));
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return { conversations, collections, assistants, loaded, error, reloadConversations };
}
