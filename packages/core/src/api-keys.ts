import type { Role } from './access.js';

/** A stored API key, without its secret. */
export interface ApiKeyRecord {
  /** Stable id; a document's access list names the key as `key:<id>`. */
  id: string;
  /** A person's label for it, e.g. `hr-bot`. */
  name: string;
  role: Role;
  /** The collections it may use; `null` for every collection. */
  collections: string[] | null;
  /** Its groups, matched by `group:<name>` in document access lists. */
  groups: string[];
  /** ISO-8601 creation time. */
  createdAt: string;
}

/** What a new key is made of. */
export interface NewApiKey {
  name: string;
  role: Role;
  /** Default: every collection. */
  collections?: string[] | null;
  /** Default: none. */
  groups?: string[];
}

/** A key just created: its record and its secret, which is shown this once and stored only as a hash. */
export interface CreatedApiKey extends ApiKeyRecord {
  key: string;
}

/** Where API keys live. Implementations keep only a hash of each secret. */
export interface ApiKeyStore {
  create(key: NewApiKey): Promise<CreatedApiKey>;
  list(): Promise<ApiKeyRecord[]>;
  /** Removes the key at once; false when no key has this id. */
  revoke(id: string): Promise<boolean>;
  /** The key whose secret this is, or undefined. Compares hashes in constant time. */
  authenticate(secret: string): Promise<ApiKeyRecord | undefined>;
}
