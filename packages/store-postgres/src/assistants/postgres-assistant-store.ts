import {
  AndesError,
  toAndesError,
  type AssistantDefinition,
  type AssistantRecord,
  type AssistantStore,
  type AssistantVersion,
} from '@andes-rag/core';
import type { PostgresConnection, SqlQueryable } from '../connection/postgres-connection.js';

interface AssistantRow {
  name: string;
  live_version: number;
  created_at: string;
}

interface VersionRow {
  assistant_name: string;
  version: number;
  definition: AssistantDefinition;
  created_at: string;
}

const versionColumns = 'assistant_name, version, definition, created_at';

/**
 * The PostgreSQL {@link AssistantStore}: `assistants` holds each name and its live version, `assistant_versions`
 * each immutable version's definition as `jsonb`. Writes lock the assistant's row, so two replicas adding versions
 * at once get consecutive numbers.
 */
export class PostgresAssistantStore implements AssistantStore {
  /** @param assertOpen throws once the owning store closed. */
  constructor(
    private readonly connection: PostgresConnection,
    private readonly assertOpen: () => void,
  ) {}

  async createAssistant(name: string, definition: AssistantDefinition): Promise<AssistantRecord> {
    return this.run(() =>
      this.connection.transaction(async (client) => {
        const now = new Date().toISOString();
        const { rows } = await client.query(
          'INSERT INTO assistants (name, live_version, created_at) VALUES ($1, 1, $2) ON CONFLICT (name) DO NOTHING RETURNING name',
          [name, now],
        );
        if (rows.length === 0) {
          throw new AndesError('conflict', `The assistant "${name}" already exists.`, { details: { name } });
        }
        await insertVersion(client, name, 1, definition, now);
        return record(client, await requireRow(client, name));
      }),
    );
  }

  async addAssistantVersion(name: string, definition: AssistantDefinition): Promise<AssistantVersion> {
    return this.run(() =>
      this.connection.transaction(async (client) => {
        await requireRow(client, name, true);
        const latest = await latestVersion(client, name);
        await insertVersion(client, name, latest + 1, definition, new Date().toISOString());
        return toVersion((await versionRow(client, name, latest + 1)) as VersionRow);
      }),
    );
  }

  async listAssistants(): Promise<AssistantRecord[]> {
    return this.run(async () => {
      const { rows } = await this.connection.query<AssistantRow>(
        'SELECT name, live_version, created_at FROM assistants ORDER BY name COLLATE "C"',
      );
      return Promise.all(rows.map((row) => record(this.connection, row)));
    });
  }

  async getAssistant(name: string): Promise<AssistantRecord | undefined> {
    return this.run(async () => {
      const row = await findRow(this.connection, name);
      return row && record(this.connection, row);
    });
  }

  async getAssistantVersion(name: string, version: number): Promise<AssistantVersion | undefined> {
    return this.run(async () => {
      if (!Number.isSafeInteger(version)) return undefined;
      const row = await versionRow(this.connection, name, version);
      return row && toVersion(row);
    });
  }

  async listAssistantVersions(name: string): Promise<AssistantVersion[]> {
    return this.run(async () => {
      await requireRow(this.connection, name);
      const { rows } = await this.connection.query<VersionRow>(
        `SELECT ${versionColumns} FROM assistant_versions WHERE assistant_name = $1 ORDER BY version`,
        [name],
      );
      return rows.map(toVersion);
    });
  }

  async releaseAssistantVersion(name: string, version: number): Promise<AssistantRecord> {
    return this.run(() =>
      this.connection.transaction(async (client) => {
        await requireRow(client, name, true);
        if (!Number.isSafeInteger(version) || !(await versionRow(client, name, version))) {
          throw new AndesError('not_found', `The assistant "${name}" has no version ${version}.`, {
            details: { name, version },
          });
        }
        await client.query('UPDATE assistants SET live_version = $1 WHERE name = $2', [version, name]);
        return record(client, await requireRow(client, name));
      }),
    );
  }

  async deleteAssistant(name: string): Promise<boolean> {
    return this.run(async () => {
      const { rows } = await this.connection.query('DELETE FROM assistants WHERE name = $1 RETURNING name', [name]);
      return rows.length > 0;
    });
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw toAndesError(error, 'storage_error');
    }
  }
}

async function insertVersion(
  client: SqlQueryable,
  name: string,
  version: number,
  definition: AssistantDefinition,
  createdAt: string,
): Promise<void> {
  await client.query(
    'INSERT INTO assistant_versions (assistant_name, version, definition, created_at) VALUES ($1, $2, $3::jsonb, $4)',
    [name, version, JSON.stringify(definition), createdAt],
  );
}

async function latestVersion(client: SqlQueryable, name: string): Promise<number> {
  const { rows } = await client.query<{ latest: number }>(
    'SELECT max(version) AS latest FROM assistant_versions WHERE assistant_name = $1',
    [name],
  );
  return Number(rows[0]?.latest ?? 0);
}

async function record(client: SqlQueryable, row: AssistantRow): Promise<AssistantRecord> {
  const live = (await versionRow(client, row.name, row.live_version)) as VersionRow;
  return {
    name: row.name,
    liveVersion: row.live_version,
    latestVersion: await latestVersion(client, row.name),
    createdAt: row.created_at,
    live: toVersion(live),
  };
}

async function findRow(client: SqlQueryable, name: string, lock = false): Promise<AssistantRow | undefined> {
  const { rows } = await client.query<AssistantRow>(
    `SELECT name, live_version, created_at FROM assistants WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows[0];
}

async function requireRow(client: SqlQueryable, name: string, lock = false): Promise<AssistantRow> {
  const row = await findRow(client, name, lock);
  if (!row) throw new AndesError('not_found', `The assistant "${name}" does not exist.`, { details: { name } });
  return row;
}

async function versionRow(client: SqlQueryable, name: string, version: number): Promise<VersionRow | undefined> {
  const { rows } = await client.query<VersionRow>(
    `SELECT ${versionColumns} FROM assistant_versions WHERE assistant_name = $1 AND version = $2`,
    [name, version],
  );
  return rows[0];
}

function toVersion(row: VersionRow): AssistantVersion {
  return { ...row.definition, name: row.assistant_name, version: row.version, createdAt: row.created_at };
}
