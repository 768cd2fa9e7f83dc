import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  AndesError,
  roles,
  type ApiKeyRecord,
  type ApiKeyStore,
  type CreatedApiKey,
  type NewApiKey,
  type Role,
} from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';

/** A row of `api_keys` (see `database/schema.ts`). */
interface ApiKeyRow {
  id: string;
  name: string;
  role: string;
  collections: string | null;
  groups: string;
  key_hash: string;
  created_at: string;
}

/** Prefix of every secret, so a leaked one is recognisable in logs and scanners. */
const secretPrefix = 'andes_';

/**
 * The SQLite {@link ApiKeyStore}: secrets are 32 random bytes (base64url, prefixed `andes_`), stored only as their
 * SHA-256 hex digest. A secret is found by its digest, then the digests are compared again with `timingSafeEqual`.
 * Shares the knowledge store's database.
 */
export class SqliteApiKeyStore implements ApiKeyStore {
  /** @param isClosed true once the owning store closed the database. */
  constructor(
    private readonly database: Database.Database,
    private readonly isClosed: () => boolean,
  ) {}

  async create(key: NewApiKey): Promise<CreatedApiKey> {
    this.assertOpen();
    if (!roles.includes(key.role)) throw new AndesError('invalid_request', `role must be one of ${roles.join(', ')}`);
    const secret = `${secretPrefix}${randomBytes(32).toString('base64url')}`;
    const record: ApiKeyRecord = {
      id: randomUUID(),
      name: key.name,
      role: key.role,
      collections:
        key.collections === undefined || key.collections === null ? null : [...new Set(key.collections)].sort(),
      groups: [...new Set(key.groups ?? [])].sort(),
      createdAt: new Date().toISOString(),
    };
    prepared(
      this.database,
      'INSERT INTO api_keys (id, name, role, collections, groups, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      record.id,
      record.name,
      record.role,
      record.collections === null ? null : JSON.stringify(record.collections),
      JSON.stringify(record.groups),
      digest(secret),
      record.createdAt,
    );
    return { ...record, key: secret };
  }

  async list(): Promise<ApiKeyRecord[]> {
    this.assertOpen();
    const rows = prepared(this.database, 'SELECT * FROM api_keys ORDER BY created_at, id').all() as ApiKeyRow[];
    return rows.map(toRecord);
  }

  async revoke(id: string): Promise<boolean> {
    this.assertOpen();
    return prepared(this.database, 'DELETE FROM api_keys WHERE id = ?').run(id).changes > 0;
  }

  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    this.assertOpen();
    const presented = digest(secret);
    const row = prepared(this.database, 'SELECT * FROM api_keys WHERE key_hash = ?').get(presented) as
      ApiKeyRow | undefined;
    if (row === undefined) return undefined;
    const equal = timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(presented, 'hex'));
    return equal ? toRecord(row) : undefined;
  }

  private assertOpen(): void {
    if (this.isClosed()) throw new AndesError('internal_error', 'The store is closed.');
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: (roles as readonly string[]).includes(row.role) ? (row.role as Role) : 'reader',
    collections: row.collections === null ? null : stringArray(row.collections),
    groups: stringArray(row.groups),
    createdAt: row.created_at,
  };
}

/** A JSON array column read back; anything unreadable is an empty list (which grants nothing). */
function stringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
