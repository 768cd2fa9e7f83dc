import { readFileSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { prepared } from '../database/prepared-statement.js';
import { publishAtomically, type IndexFilePaths } from './index-files.js';

/** A document as the manifest remembers it. */
export interface ManifestDocument {
  id: string;
  source: string;
  contentHash: string;
}

/**
 * The documents a collection held at the generation an index file was saved at. It lives outside SQLite on
 * purpose: when the database loses commits (a lost write-ahead log, an older backup restored), an index file saved
 * after them is ahead of the database, and its manifest names the documents to ingest again.
 */
export interface IndexManifest {
  format: 1;
  collectionId: number;
  collection: string;
  generation: number;
  documents: ManifestDocument[];
}

/** The collection's documents now, for a manifest saved with its index. */
export function listManifestDocuments(database: Database.Database, collectionId: number): ManifestDocument[] {
  return prepared(
    database,
    'SELECT id, source, content_hash AS contentHash FROM documents WHERE collection_id = ? ORDER BY source',
  ).all(collectionId) as ManifestDocument[];
}

/** Writes the manifest atomically. Call after the index file and before the sidecar that vouches for both. */
export function writeManifest(paths: IndexFilePaths, manifest: IndexManifest): void {
  publishAtomically(paths.manifest, (temporaryFile) => writeFileSync(temporaryFile, JSON.stringify(manifest)));
}

/** The manifest, or undefined when it is missing or unreadable. */
export function readManifest(paths: IndexFilePaths): IndexManifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(paths.manifest, 'utf8')) as Partial<IndexManifest>;
    const valid =
      parsed.format === 1 &&
      Number.isSafeInteger(parsed.collectionId) &&
      Number.isSafeInteger(parsed.generation) &&
      typeof parsed.collection === 'string' &&
      Array.isArray(parsed.documents) &&
      parsed.documents.every(
        (document) =>
          typeof document?.id === 'string' &&
          typeof document.source === 'string' &&
          typeof document.contentHash === 'string',
      );
    return valid ? (parsed as IndexManifest) : undefined;
  } catch {
    return undefined;
  }
}
