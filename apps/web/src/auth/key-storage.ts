/** Where the API key is kept: this browser tab's session only, never on disk past it. */
const storageKey = 'andes.apiKey';

/** The key the user signed in with, or null. */
export function readApiKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

/** Keeps the key for this tab's session. */
export function saveApiKey(key: string): void {
  sessionStorage.setItem(storageKey, key);
}

/** Forgets the key (sign out, or a key the server refused). */
export function clearApiKey(): void {
  sessionStorage.removeItem(storageKey);
}
