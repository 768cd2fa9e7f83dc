import { normalizeTags } from './normalize-tags.js';

/**
 * A document's access list as stored in `documents.access`: a sorted JSON array of principals, or `null` when every
 * reader of the collection may read it (no list, or an empty one).
 */
export function accessColumn(access: readonly string[] | undefined): string | null {
  const principals = normalizeTags(access);
  return principals.length === 0 ? null : JSON.stringify(principals);
}

/** The access column read back: undefined for everyone, otherwise only its string entries. */
export function parseAccessColumn(json: string | null): string[] | undefined {
  if (json === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // An unreadable list must not open the document to everyone: it matches no principal.
    return ['unreadable:'];
  }
  return Array.isArray(value)
    ? value.filter((principal): principal is string => typeof principal === 'string')
    : ['unreadable:'];
}
