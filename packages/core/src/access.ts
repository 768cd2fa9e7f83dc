/**
 * What a key may do. A `reader` searches, asks and chats; an `editor` also uploads and deletes documents; an
 * `admin` does everything, managing keys included, and reads every document whatever its access list.
 */
export type Role = 'admin' | 'editor' | 'reader';

/** Every role, weakest first. */
export const roles: readonly Role[] = ['reader', 'editor', 'admin'];

/**
 * Who is asking: the key a request carried, or the implicit admin when authentication is off (the CLI, a loopback
 * server without `ANDES_ADMIN_KEY`).
 */
export interface Caller {
  /** The key's id (`key:<id>` is one of its principals); `null` for the bootstrap admin key or the implicit admin. */
  keyId: string | null;
  role: Role;
  /** The collections it may see; `null` for every collection. */
  collections: string[] | null;
  /** The groups it belongs to (`group:<name>` principals). */
  groups: string[];
}

/** The caller that can do and see everything: used when authentication is off, and for the bootstrap admin key. */
export const implicitAdmin: Caller = Object.freeze({
  keyId: null,
  role: 'admin',
  collections: null,
  groups: [],
}) as Caller;

/** True when the caller's role is `role` or stronger. */
export function hasRole(caller: Caller, role: Role): boolean {
  return roles.indexOf(caller.role) >= roles.indexOf(role);
}

/** True when the caller may see the collection at all (its key's `collections` include it, or it has none). */
export function mayUseCollection(caller: Caller, collection: string): boolean {
  return caller.collections === null || caller.collections.includes(collection);
}

/**
 * The principals a document access list is matched against: `key:<id>` and `group:<name>` for each of its groups.
 * `undefined` for an admin, who reads every document (no principal filter applies).
 */
export function principalsOf(caller: Caller): string[] | undefined {
  if (caller.role === 'admin') return undefined;
  return [...(caller.keyId === null ? [] : [`key:${caller.keyId}`]), ...caller.groups.map((group) => `group:${group}`)];
}

/**
 * True when a document with this access list may be read with these principals: no list (or an empty one) means
 * every reader of the collection; otherwise the two must share a principal. `principals` undefined reads all.
 */
export function accessAllows(
  access: readonly string[] | undefined,
  principals: readonly string[] | undefined,
): boolean {
  if (principals === undefined || access === undefined || access.length === 0) return true;
  return access.some((principal) => principals.includes(principal));
}

/** A principal as written in an access list: `group:<name>` or `key:<id>`. */
export const principalPattern = /^(group|key):[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
