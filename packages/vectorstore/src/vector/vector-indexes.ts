import type Database from 'better-sqlite3';
import type { Logger } from '@andes/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { blobToEmbedding } from '../database/embedding-blob.js';
import { prepared } from '../database/prepared-statement.js';
import { CollectionVectorIndex, type LabelledVector } from './collection-vector-index.js';
import type { ResolvedHnswOptions } from './hnsw-options.js';
import { findIndexFileProblem, missingIndexProblem } from './index-file-check.js';
import { indexFilePaths, publishAtomically, removeIndexFiles, type IndexFilePaths } from './index-files.js';
import { writeSidecar } from './index-sidecar.js';

/** What one committed write did to a collection's vectors. */
export interface VectorChange {
  collectionId: number;
  /** `index_generation` before the transaction, and after it. */
  generationBefore: number;
  generationAfter: number;
  removed: number[];
  added: LabelledVector[];
}

/** What {@link VectorIndexes} needs. */
export interface VectorIndexesOptions {
  database: Database.Database;
  /** The folder holding the index files (`<dataDir>/indexes`). */
  directory: string;
  hnsw: ResolvedHnswOptions;
  logger: Logger;
  /** Milliseconds from a collection's first unsaved change to saving its index. */
  saveDelayMs: number;
}

/**
 * The hnswlib indexes of all collections, loaded lazily and kept in step with SQLite. SQLite is the truth: each
 * collection row holds the generation its index file must carry. A missing, stale or corrupt file is rebuilt from the
 * embeddings in SQLite, never handed to hnswlib's loader. Changes are saved a little after they happen and on close.
 */
export class VectorIndexes {
  private readonly loaded = new Map<number, CollectionVectorIndex>();
  private readonly saveTimers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly options: VectorIndexesOptions) {}

  /** The collection's index, current with SQLite; undefined while the collection has no embeddings. */
  indexFor(collection: CollectionRow): CollectionVectorIndex | undefined {
    const dimensions = collection.embedding_dimensions;
    if (dimensions === null) return undefined;
    const current = this.loaded.get(collection.id);
    if (current?.generation === collection.index_generation && current.dimensions === dimensions) return current;
    this.unload(collection.id);
    const index = this.load(collection, dimensions) ?? this.rebuild(collection, dimensions);
    this.loaded.set(collection.id, index);
    return index;
  }

  /** Applies a committed change to the loaded index; an index that missed a change is dropped and rebuilt later. */
  apply(change: VectorChange): void {
    const index = this.loaded.get(change.collectionId);
    if (!index) return;
    if (index.generation !== change.generationBefore) {
      this.unload(change.collectionId);
      return;
    }
    try {
      index.remove(change.removed);
      index.add(change.added);
      index.generation = change.generationAfter;
      index.dirty = true;
      this.scheduleSave(change.collectionId);
    } catch (error) {
      this.options.logger.warn('Vector index update failed; it will be rebuilt from SQLite', {
        collectionId: change.collectionId,
        error: String(error),
      });
      this.unload(change.collectionId);
    }
  }

  /** Saves every index with unsaved changes. */
  flush(): void {
    for (const collectionId of [...this.loaded.keys()]) this.save(collectionId);
  }

  /** Drops a deleted collection's index from memory and disk. */
  forget(collectionId: number): void {
    this.unload(collectionId);
    removeIndexFiles(this.paths(collectionId));
  }

  /** Saves what is unsaved and releases every index. */
  close(): void {
    this.flush();
    for (const collectionId of [...this.loaded.keys()]) this.unload(collectionId);
  }

  private paths(collectionId: number): IndexFilePaths {
    return indexFilePaths(this.options.directory, collectionId);
  }

  private load(collection: CollectionRow, dimensions: number): CollectionVectorIndex | undefined {
    const paths = this.paths(collection.id);
    const expected = { collectionId: collection.id, generation: collection.index_generation, dimensions };
    const problem = findIndexFileProblem(paths, expected);
    if (problem !== undefined) {
      this.logRebuild(collection, problem);
      return undefined;
    }
    try {
      return CollectionVectorIndex.read(paths.index, dimensions, this.options.hnsw, collection.index_generation);
    } catch (error) {
      this.logRebuild(collection, `unreadable: ${String(error)}`);
      return undefined;
    }
  }

  private logRebuild(collection: CollectionRow, reason: string): void {
    const level = reason === missingIndexProblem ? 'info' : 'warn';
    this.options.logger[level]('Rebuilding vector index from SQLite', { collection: collection.name, reason });
  }

  private rebuild(collection: CollectionRow, dimensions: number): CollectionVectorIndex {
    const { database } = this.options;
    const { count } = prepared(
      database,
      'SELECT COUNT(*) AS count FROM chunks WHERE collection_id = ? AND embedding IS NOT NULL',
    ).get(collection.id) as { count: number };
    const index = CollectionVectorIndex.create(dimensions, this.options.hnsw, collection.index_generation, count);
    const rows = prepared(
      database,
      'SELECT rowid AS label, embedding FROM chunks WHERE collection_id = ? AND embedding IS NOT NULL ORDER BY rowid',
    ).iterate(collection.id) as IterableIterator<{ label: number; embedding: Buffer }>;
    for (const row of rows) index.add([{ label: row.label, vector: blobToEmbedding(row.embedding) }]);
    index.dirty = true;
    this.loaded.set(collection.id, index);
    this.save(collection.id);
    return index;
  }

  private scheduleSave(collectionId: number): void {
    if (this.saveTimers.has(collectionId)) return;
    const timer = setTimeout(() => {
      this.saveTimers.delete(collectionId);
      this.save(collectionId);
    }, this.options.saveDelayMs);
    timer.unref();
    this.saveTimers.set(collectionId, timer);
  }

  private save(collectionId: number): void {
    const index = this.loaded.get(collectionId);
    if (!index?.dirty) return;
    const row = prepared(this.options.database, 'SELECT index_generation FROM collections WHERE id = ?').get(
      collectionId,
    ) as { index_generation: number } | undefined;
    if (row?.index_generation !== index.generation) {
      // SQLite moved on without this index (another process wrote, or the collection is gone): never save it.
      this.unload(collectionId);
      return;
    }
    const paths = this.paths(collectionId);
    try {
      const checksum = publishAtomically(paths.index, (temporaryFile) => index.hnsw.writeIndexSync(temporaryFile));
      writeSidecar(paths, {
        format: 1,
        collectionId,
        generation: index.generation,
        dimensions: index.dimensions,
        sha256: checksum,
      });
      index.dirty = false;
    } catch (error) {
      this.options.logger.error('Saving the vector index failed; SQLite still holds every vector', {
        collectionId,
        error: String(error),
      });
    }
  }

  private unload(collectionId: number): void {
    const timer = this.saveTimers.get(collectionId);
    if (timer) clearTimeout(timer);
    this.saveTimers.delete(collectionId);
    this.loaded.delete(collectionId);
  }
}
