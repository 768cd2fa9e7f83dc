import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { indexFilePaths } from '../vector/index-files.js';
import { readManifest, type IndexManifest } from '../vector/index-manifest.js';
import { diagnoseStore } from './diagnose-store.js';
import { salvageDatabase, type SalvageReport } from './salvage-database.js';
import type { LostDocument, StoreCheckup } from './store-checkup.js';

const databaseName = 'andes.db';

/**
 * `andes doctor --repair`: checks the data directory (as {@link diagnoseStore}), and when anything is wrong
 * repairs what can be repaired, reporting exactly what could not be kept. Stop every process using the store first.
 *
 * - Commits lost with the write-ahead log are accepted (`andes.db-shm`, the evidence, is moved aside), and the
 *   documents index files recorded are listed as lost.
 * - A database that is empty, truncated, damaged or fails `quick_check` is moved aside (`andes.db.damaged-<time>`,
 *   never deleted) and every readable row is copied into a new one (`salvage-database.ts`).
 * - Malformed stored vectors are dropped (their chunks stay, found by BM25; `andes reindex --embedding-model`
 *   embeds them again).
 * - Every index is rebuilt from the database, and the integrity check runs again.
 *
 * A file that is no Andes database (`store_foreign`) is never touched.
 */
export async function repairStore(dataDir: string, options: { logger?: Logger } = {}): Promise<StoreCheckup> {
  const logger = options.logger ?? noopLogger;
  const checkup = await diagnoseStore(dataDir);
  if (checkup.healthy) return checkup;
  if (checkup.problems.some((problem) => problem.check === 'store_foreign')) {
    checkup.actions.push('Nothing changed: the database is not an Andes store.');
    return checkup;
  }
  const indexDirectory = path.join(dataDir, 'indexes');
  const manifests = readManifests(indexDirectory);
  const stamp = new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  let salvage: SalvageReport | undefined;
  let store: SqliteKnowledgeStore | undefined;
  for (let attempt = 0; store === undefined; attempt += 1) {
    try {
      store = await SqliteKnowledgeStore.open({ dataDir, check: 'full', acceptLostCommits: true, logger });
    } catch (error) {
      if (!AndesError.isInstance(error) || error.code !== 'store_corrupt' || attempt >= 2) throw error;
      if (error.details?.['lostFrames'] !== undefined && attempt === 0) {
        const moved = moveAside(dataDir, `${databaseName}-shm`, `${databaseName}-shm.lost-${stamp}`);
        checkup.movedAside.push(...moved);
        checkup.actions.push(
          `Accepted the loss of ${String(error.details['lostFrames'])} committed page writes of the write-ahead log ` +
            `(moved ${moved.join(', ')} aside).`,
        );
        continue;
      }
      const damaged = `${databaseName}.damaged-${stamp}`;
      for (const suffix of ['', '-wal', '-shm']) {
        checkup.movedAside.push(...moveAside(dataDir, `${databaseName}${suffix}`, `${damaged}${suffix}`));
      }
      salvage = salvageDatabase(path.join(dataDir, damaged), path.join(dataDir, databaseName));
      removeIndexFiles(indexDirectory);
      checkup.unreadableRows = Object.values(salvage.unreadable).reduce((total, count) => total + Math.abs(count), 0);
      checkup.actions.push(
        `Moved the damaged database to ${damaged} and copied every readable row into a new ${databaseName} ` +
          `(${describeCopy(salvage)}).`,
      );
    }
  }
  try {
    const lostDocuments = new Map<string, LostDocument>();
    const addLost = (document: LostDocument) =>
      lostDocuments.set(`${document.collection}\u0000${document.source ?? document.documentId}`, document);
    for (const lost of store.lostCommitsFound()) {
      for (const document of lost.lostDocuments) {
        addLost({
          collection: lost.collection,
          source: document.source,
          documentId: document.id,
          reason: 'committed, then lost by the database (write-ahead log or file replaced)',
        });
      }
    }
    const collections = await store.listCollections();
    if (salvage) {
      const nameById = new Map([...manifests.values()].map((manifest) => [manifest.collectionId, manifest.collection]));
      const sourceById = new Map(
        [...manifests.values()].flatMap((manifest) =>
          manifest.documents.map((document) => [document.id, document.source] as const),
        ),
      );
      for (const lost of salvage.lost) {
        addLost({
          collection: nameById.get(lost.collectionId) ?? `#${lost.collectionId}`,
          source: lost.source ?? sourceById.get(lost.documentId),
          documentId: lost.documentId,
          reason: lost.reason,
        });
      }
      // Documents whose rows were unreadable altogether are known only to the index manifests.
      for (const manifest of manifests.values()) {
        const stored = collections.some((collection) => collection.name === manifest.collection)
          ? new Set((await store.listDocuments(manifest.collection)).map((document) => document.id))
          : new Set<string>();
        for (const document of manifest.documents) {
          if (!stored.has(document.id)) {
            addLost({
              collection: manifest.collection,
              source: document.source,
              documentId: document.id,
              reason: 'its rows could not be read',
            });
          }
        }
      }
    }
    for (const collection of collections) {
      const dropped = await store.dropMalformedEmbeddings(collection.name);
      if (dropped.chunks > 0) {
        checkup.droppedVectors.push(dropped);
        checkup.actions.push(
          `Dropped ${dropped.chunks} malformed vectors of collection "${collection.name}" (documents ` +
            `${dropped.sources.join(', ')}); BM25 still finds them, \`andes reindex --embedding-model\` embeds them again.`,
        );
      }
    }
    const rebuilt = await store.rebuildIndexes();
    checkup.actions.push(
      `Rebuilt the lexical and vector indexes of ${rebuilt.length} collection(s) from the database.`,
    );
    checkup.integrity = await store.verifyIntegrity();
    checkup.lostDocuments = [...lostDocuments.values()].sort((left, right) =>
      `${left.collection}/${left.source ?? ''}`.localeCompare(`${right.collection}/${right.source ?? ''}`),
    );
    checkup.repaired = checkup.integrity.ok;
    return checkup;
  } finally {
    await store.close();
  }
}

/** Renames `from` to `to` inside the data directory when it exists; returns the new name, or nothing. */
function moveAside(dataDir: string, from: string, to: string): string[] {
  if (!existsSync(path.join(dataDir, from))) return [];
  renameSync(path.join(dataDir, from), path.join(dataDir, to));
  return [to];
}

/** Every readable manifest in the index folder, by collection id, whatever its generation. */
function readManifests(indexDirectory: string): Map<number, IndexManifest> {
  const manifests = new Map<number, IndexManifest>();
  let names: string[] = [];
  try {
    names = readdirSync(indexDirectory);
  } catch {
    return manifests;
  }
  for (const name of names) {
    const match = /^collection-(\d+)\.documents\.json$/.exec(name);
    if (!match) continue;
    const manifest = readManifest(indexFilePaths(indexDirectory, Number(match[1])));
    if (manifest) manifests.set(manifest.collectionId, manifest);
  }
  return manifests;
}

/** Removes every collection's index files: after a salvage none of them matches the new database. */
function removeIndexFiles(indexDirectory: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(indexDirectory);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^collection-\d+\./.test(name)) rmSync(path.join(indexDirectory, name), { force: true });
  }
}

function describeCopy(salvage: SalvageReport): string {
  return ['collections', 'documents', 'chunks']
    .map((table) => {
      const unreadable = salvage.unreadable[table] ?? 0;
      const lost = unreadable === -1 ? ', table unreadable' : unreadable > 0 ? `, ${unreadable} unreadable` : '';
      return `${salvage.copied[table] ?? 0} ${table}${lost}`;
    })
    .join('; ');
}
