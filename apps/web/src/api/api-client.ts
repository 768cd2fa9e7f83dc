import { readApiKey } from '../auth/key-storage.js';
import { errorFromResponse, unreachableError } from './api-error.js';

/** Listeners told when the server refuses the key (401), so the page can ask for one. */
const unauthorizedListeners = new Set<() => void>();

/** Calls `listener` on every 401; returns a function that stops it. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Headers every call carries: the key when signed in. */
export function authorizationHeaders(): Record<string, string> {
  const key = readApiKey();
  return key === null ? {} : { Authorization: `Bearer ${key}` };
}

/**
 * Fetches an API route with the key, resolving with the response when it is OK. A 401 tells the sign-in listeners;
 * every failure rejects with an `ApiError` (`unreachable` when no answer came).
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...authorizationHeaders(), ...(init.headers ?? {}) } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw unreachableError();
  }
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/** GET a JSON route. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await apiFetch(path, signal === undefined ? {} : { signal });
  return (await response.json()) as T;
}

/** Sends a JSON body (`POST`, `PUT`, `PATCH`) and reads the JSON answer; `undefined` for 204. */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `DELETE` a route. */
export async function deleteResource(path: string): Promise<void> {
  await apiFetch(path, { method: 'DELETE' });
}

/** A path segment, escaped. */
export const segment = (value: string): string => encodeURIComponent(value);
