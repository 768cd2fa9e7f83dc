import { useEffect, useState } from 'react';

/** A page of the app, from the URL's hash: `#/` chat, `#/c/ID` a conversation, `#/documents`, ... */
export type Route =
  { page: 'chat'; conversationId?: string } | { page: 'documents' } | { page: 'assistants' } | { page: 'evaluations' };

/** Reads a route from a hash such as `#/c/abc`. Unknown hashes are the chat. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'c' && parts[1]) return { page: 'chat', conversationId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'documents' || parts[0] === 'assistants' || parts[0] === 'evaluations') return { page: parts[0] };
  return { page: 'chat' };
}

/** The hash of a route, for links. */
export function routeHref(route: Route): string {
  if (route.page === 'chat') return route.conversationId ? `#/c/${encodeURIComponent(route.conversationId)}` : '#/';
  return `#/${route.page}`;
}

/** The current route, following hash changes (links, back and forward, reload). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to a route (adds a history entry). */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
