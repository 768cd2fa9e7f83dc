import { readdirSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { findCollectionById } from '../database/collection-by-id.js';
import { prepared } from '../database/prepared-statement.js';
import { indexFilePaths } from '../vector/index-files.js';
import { readManifest, type ManifestDocument } from '../vector/index-manifest.js';
import { readSidecar } from '../vector/index-sidecar.js';

/** Commits of one collection that an index file records and the database lacks. */
export interface LostCommits {
  /** The collection's name, from the index manifest (or `#<id>` when it has none). */
  collection: string;
  collectionId: number;
  /** The generation the index file was saved at. */
  indexGeneration: number;
  /** The database's generation for the collection; null when the database lacks the collection itself. */
  databaseGeneration: number | null;
  /** Documents (or document versions) the index's manifest lists and the database does not hold: ingest them again. */
  lostDocuments: ManifestDocument[];
  /** Documents the database holds that the manifest does not: deleted after the database's last durable commit. */
  reappearedDocuments: ManifestDocument[];
}

const sidecarFile = /^collection-(\d+)\.json$/;

/**
 * Compares every index file's generation with the database. SQLite's generation only grows, and an index file is
 * saved only after the commits it reflects, so a file *ahead* of the database (or of a collection the database
 * never created) proves the database lost commits: a deleted or truncated write-ahead log, an older copy restored.
 * The manifest saved with the file names the documents concerned. Reads only.
 */
export function findLostCommits(database: Database.Database, indexDirectory: string): LostCommits[] {
  let names: string[];
  try {
    names = readdirSync(indexDirectory);
  } catch {
    return [];
  }
  const highestCollectionId = prepared(
    database,
    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'collections'), 0)",
  )
    .pluck()
    .get() as number;
  const lost: LostCommits[] = [];
  for (const name of names.sort()) {
    const match = sidecarFile.exec(name);
    if (!match) continue;
    const paths = indexFilePaths(indexDirectory, Number(match[1]));
    const sidecar = readSidecar(paths);
    if (!sidecar || sidecar.collectionId !== Number(match[1])) continue;
    const row = findCollectionById(database, sidecar.collectionId);
    // An index of a collection the database deleted (its files outlived a crash) is no evidence.
    if (!row && sidecar.collectionId <= highestCollectionId) continue;
    if (row && sidecar.generation <= row.index_generation) continue;
    const manifest = readManifest(paths);
    const listed = manifest?.generation === sidecar.generation ? manifest.documents : [];
    const stored = row
      ? (prepared(
          database,
          'SELECT id, source, content_hash AS contentHash FROM documents WHERE collection_id = ? ORDER BY source',
        ).all(row.id) as ManifestDocument[])
      : [];
    const key = (document: ManifestDocument) => `${document.id}\u0000${document.contentHash}`;
    const storedKeys = new Set(stored.map(key));
    const listedIds = new Set(listed.map((document) => document.id));
    lost.push({
      collection: row?.name ?? manifest?.collection ?? `#${sidecar.collectionId}`,
      collectionId: sidecar.collectionId,
      indexGeneration: sidecar.generation,
      databaseGeneration: row?.index_generation ?? null,
      lostDocuments: listed.filter((document) => !storedKeys.has(key(document))),
      reappearedDocuments: stored.filter((document) => !listedIds.has(document.id)),
    });
  }
  return lost;
}

/** One line per collection, naming up to five documents: for error messages and logs. */
export function describeLostCommits(lost: readonly LostCommits[]): string {
  return lost
    .map((entry) => {
      const sources = entry.lostDocuments.map((document) => document.source);
      const named = sources.slice(0, 5).join(', ') + (sources.length > 5 ? `, and ${sources.length - 5} more` : '');
      const documents = sources.length > 0 ? `: ingest again ${named}` : '';
      const reappeared = entry.reappearedDocuments.length;
      const back = reappeared > 0 ? `; ${reappeared} deleted document(s) are back` : '';
      const database =
        entry.databaseGeneration === null ? 'no such collection' : `generation ${entry.databaseGeneration}`;
      return `collection "${entry.collection}" (index at generation ${entry.indexGeneration}, database at ${database})${documents}${back}`;
    })
    .join('; ');
}
