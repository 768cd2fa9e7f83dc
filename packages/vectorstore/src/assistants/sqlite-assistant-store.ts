import type Database from 'better-sqlite3';
import {
  AndesError,
  toAndesError,
  type AssistantDefinition,
  type AssistantRecord,
  type AssistantStore,
  type AssistantVersion,
} from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';

interface AssistantRow {
  name: string;
  live_version: number;
  created_at: string;
}

interface VersionRow {
  assistant_name: string;
  version: number;
  definition: string;
  created_at: string;
}

/**
 * The SQLite {@link AssistantStore}: `assistants` holds each name and its live version, `assistant_versions` each
 * immutable version's definition as JSON. Shares the knowledge store's database (see `database/schema.ts`).
 */
export class SqliteAssistantStore implements AssistantStore {
  /** @param isClosed true once the owning store closed the database. */
  constructor(
    private readonly database: Database.Database,
    private readonly isClosed: () => boolean,
  ) {}

  async createAssistant(name: string, definition: AssistantDefinition): Promise<AssistantRecord> {
    return this.run(() =>
      this.database
        .transaction(() => {
          if (this.findRow(name))
            throw new AndesError('conflict', `The assistant "${name}" already exists.`, { details: { name } });
          const now = new Date().toISOString();
          prepared(this.database, 'INSERT INTO assistants (name, live_version, created_at) VALUES (?, 1, ?)').run(
            name,
            now,
          );
          this.insertVersion(name, 1, definition, now);
          return this.record(this.requireRow(name));
        })
        .immediate(),
    );
  }

  async addAssistantVersion(name: string, definition: AssistantDefinition): Promise<AssistantVersion> {
    return this.run(() =>
      this.database
        .transaction(() => {
          this.requireRow(name);
          const { latest } = prepared(
            this.database,
            'SELECT MAX(version) AS latest FROM assistant_versions WHERE assistant_name = ?',
          ).get(name) as {
            latest: number;
          };
          this.insertVersion(name, latest + 1, definition, new Date().toISOString());
          return toVersion(this.versionRow(name, latest + 1) as VersionRow);
        })
        .immediate(),
    );
  }

  async listAssistants(): Promise<AssistantRecord[]> {
    return this.run(() => {
      const rows = prepared(
        this.database,
        'SELECT name, live_version, created_at FROM assistants ORDER BY name',
      ).all() as AssistantRow[];
      return rows.map((row) => this.record(row));
    });
  }

  async getAssistant(name: string): Promise<AssistantRecord | undefined> {
    return this.run(() => {
      const row = this.findRow(name);
      return row && this.record(row);
    });
  }

  async getAssistantVersion(name: string, version: number): Promise<AssistantVersion | undefined> {
    return this.run(() => {
      const row = this.versionRow(name, version);
      return row && toVersion(row);
    });
  }

  async listAssistantVersions(name: string): Promise<AssistantVersion[]> {
    return this.run(() => {
      this.requireRow(name);
      const rows = prepared(
        this.database,
        'SELECT assistant_name, version, definition, created_at FROM assistant_versions WHERE assistant_name = ? ORDER BY version',
      ).all(name) as VersionRow[];
      return rows.map(toVersion);
    });
  }

  async releaseAssistantVersion(name: string, version: number): Promise<AssistantRecord> {
    return this.run(() =>
      this.database
        .transaction(() => {
          this.requireRow(name);
          if (!this.versionRow(name, version)) {
            throw new AndesError('not_found', `The assistant "${name}" has no version ${version}.`, {
              details: { name, version },
            });
          }
          prepared(this.database, 'UPDATE assistants SET live_version = ? WHERE name = ?').run(version, name);
          return this.record(this.requireRow(name));
        })
        .immediate(),
    );
  }

  async deleteAssistant(name: string): Promise<boolean> {
    return this.run(() => prepared(this.database, 'DELETE FROM assistants WHERE name = ?').run(name).changes > 0);
  }

  private insertVersion(name: string, version: number, definition: AssistantDefinition, createdAt: string): void {
    prepared(
      this.database,
      'INSERT INTO assistant_versions (assistant_name, version, definition, created_at) VALUES (?, ?, ?, ?)',
    ).run(name, version, JSON.stringify(definition), createdAt);
  }

  private record(row: AssistantRow): AssistantRecord {
    const live = this.versionRow(row.name, row.live_version) as VersionRow;
    const { latest } = prepared(
      this.database,
      'SELECT MAX(version) AS latest FROM assistant_versions WHERE assistant_name = ?',
    ).get(row.name) as {
      latest: number;
    };
    return {
      name: row.name,
      liveVersion: row.live_version,
      latestVersion: latest,
      createdAt: row.created_at,
      live: toVersion(live),
    };
  }

  private findRow(name: string): AssistantRow | undefined {
    return prepared(this.database, 'SELECT name, live_version, created_at FROM assistants WHERE name = ?').get(name) as
      AssistantRow | undefined;
  }

  private requireRow(name: string): AssistantRow {
    const row = this.findRow(name);
    if (!row) throw new AndesError('not_found', `The assistant "${name}" does not exist.`, { details: { name } });
    return row;
  }

  private versionRow(name: string, version: number): VersionRow | undefined {
    return prepared(
      this.database,
      'SELECT assistant_name, version, definition, created_at FROM assistant_versions WHERE assistant_name = ? AND version = ?',
    ).get(name, version) as VersionRow | undefined;
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.isClosed()) return Promise.reject(new AndesError('storage_error', 'The knowledge store is closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(toAndesError(error, 'storage_error'));
    }
  }
}

function toVersion(row: VersionRow): AssistantVersion {
  const definition = JSON.parse(row.definition) as AssistantDefinition;
  return { ...definition, name: row.assistant_name, version: row.version, createdAt: row.created_at };
}
