import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from './sqlite-knowledge-store.js';

const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));

/** Runs an ES module in another Node process (where `better-sqlite3` resolves) and returns what it printed. */
function inAnotherProcess(source: string): string {
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
      cwd: packageDirectory,
      encoding: 'utf8',
    });
  } catch (error) {
    // The simulated crash kills its own process; anything else is a failure of the test itself.
    if ((error as { signal?: string }).signal === 'SIGKILL') return '';
    throw error;
  }
}

/** The collection names another process reads from the database with plain SQLite. */
function collectionsSeenByAnotherProcess(databaseFile: string): string[] {
  const printed = inAnotherProcess(`
    import Database from 'better-sqlite3';
    const database = new Database(${JSON.stringify(databaseFile)});
    console.log(JSON.stringify(database.prepare('SELECT name FROM collections ORDER BY name').pluck().all()));
    database.close();`);
  return JSON.parse(printed) as string[];
}

// SQLite's locks are per process and released by closing any descriptor of the file: a second store's checks of the
// files must not take them from the first one (see `database/databases-open-here.ts`).
describe('a second store opened and closed in a process that holds the store open', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let databaseFile: string;
  beforeEach(async () => {
    ({ dataDir, cleanup } = await temporaryDataDir());
    databaseFile = path.join(dataDir, 'andes.db');
  });
  afterEach(async () => cleanup());

  it('leaves the first store the database: another process that opens and closes it sees its later writes', async () => {
    await using first = await SqliteKnowledgeStore.open({ dataDir });
    await first.ensureCollection('before');
    const second = await SqliteKnowledgeStore.open({ dataDir });
    await second.close();

    expect(collectionsSeenByAnotherProcess(databaseFile)).toEqual(['before']);
    await first.ensureCollection('after');
    expect(collectionsSeenByAnotherProcess(databaseFile)).toEqual(['after', 'before']);
  });

  it('does not let another process bring back a killed writer’s commit that this process saw absent', async () => {
    await using first = await SqliteKnowledgeStore.open({ dataDir });
    await first.ensureCollection('before');
    // A writer killed after its commit reached the write-ahead log and before it published it in -shm (the
    // durability test's SIGKILL can land there while the commit is fsynced): simulated by restoring -shm's header.
    inAnotherProcess(`
      import { openSync, readFileSync, writeSync } from 'node:fs';
      import Database from 'better-sqlite3';
      const published = readFileSync(${JSON.stringify(`${databaseFile}-shm`)}).subarray(0, 136);
      const database = new Database(${JSON.stringify(databaseFile)});
      database.prepare("INSERT INTO collections (name, created_at) VALUES ('unpublished', '2026-01-01')").run();
      writeSync(openSync(${JSON.stringify(`${databaseFile}-shm`)}, 'r+'), published, 0, published.length, 0);
      process.kill(process.pid, 'SIGKILL');`);

    const second = await SqliteKnowledgeStore.open({ dataDir });
    const seenHere = (await second.listCollections()).map((collection) => collection.name);
    await second.close();
    expect(seenHere).toEqual(['before']);
    expect(collectionsSeenByAnotherProcess(databaseFile)).toEqual(['before']);
  });
});
