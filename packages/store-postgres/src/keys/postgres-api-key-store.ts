import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  AndesError,
  roles,
  type ApiKeyRecord,
  type ApiKeyStore,
  type CreatedApiKey,
  type NewApiKey,
  type Role,
} from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';

interface ApiKeyRow {
  id: string;
  name: string;
  role: string;
  collections: string[] | null;
  groups: string[];
  key_hash: string;
  created_at: string;
}

/** Prefix of every secret, so a leaked one is recognisable in logs and scanners. */
const secretPrefix = 'andes_';

/**
 * The PostgreSQL {@link ApiKeyStore} (table `api_keys`): secrets are 32 random bytes (base64url, prefixed `andes_`),
 * stored only as their SHA-256 hex digest, found by digest and compared again with `timingSafeEqual`. Every replica
 * on the database sees a key as soon as it is created, and stops accepting it as soon as it is revoked.
 */
export class PostgresApiKeyStore implements ApiKeyStore {
  /** @param assertOpen throws once the owning store closed. */
  constructor(
    private readonly client: SqlQueryable,
    private readonly assertOpen: () => void,
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
    await this.client.query(
      'INSERT INTO api_keys (id, name, role, collections, groups, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [record.id, record.name, record.role, record.collections, record.groups, digest(secret), record.createdAt],
    );
    return { ...record, key: secret };
  }

  async list(): Promise<ApiKeyRecord[]> {
    this.assertOpen();
    const { rows } = await this.client.query<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(toRecord);
  }

  async revoke(id: string): Promise<boolean> {
    this.assertOpen();
    const { rows } = await this.client.query('DELETE FROM api_keys WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    this.assertOpen();
    const presented = digest(String(secret));
    const { rows } = await this.client.query<ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = $1', [presented]);
    const row = rows[0];
    if (row === undefined) return undefined;
    const equal = timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(presented, 'hex'));
    return equal ? toRecord(row) : undefined;
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
    collections: row.collections,
    groups: row.groups ?? [],
    createdAt: row.created_at,
  };
}
