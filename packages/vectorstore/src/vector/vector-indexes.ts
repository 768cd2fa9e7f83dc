import type Database from 'better-sqlite3';
import type { Logger } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';
import { buildVectorIndex, countEmbeddedChunks } from './build-vector-index.js';
import { CollectionVectorIndex, type LabelledVector } from './collection-vector-index.js';
import type { ResolvedHnswOptions } from './hnsw-options.js';
import { findIndexFileProblem, missingIndexProblem } from './index-file-check.js';
import { indexFilePaths, removeIndexFiles, type IndexFilePaths } from './index-files.js';
import { listManifestDocuments } from './index-manifest.js';
import { saveIndexFiles } from './save-index-files.js';
import { needsCompaction } from './vector-compaction.js';

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
  /** Fraction of an index's slots held by deleted vectors above which a save rebuilds it without them. */
  compactionThreshold: number;
  /** False for a read-only store: indexes are rebuilt in memory when needed, and no file is written or removed. */
  persist: boolean;
}

/**
 * The hnswlib indexes of all collections, loaded lazily and kept in step with SQLite. SQLite is the truth: each
 * collection row holds the generation its index file must carry. A missing, stale or corrupt file is rebuilt from the
 * embeddings in SQLite, never handed to hnswlib's loader. Changes are saved a little after they happen and on close;
 * a save first compacts an index whose deleted slots passed the threshold (deletes only mark vectors deleted).
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

  /** Rebuilds the collection's index from SQLite now and saves it; returns how many vectors it holds. */
  rebuildNow(collection: CollectionRow, reason: string): number {
    this.forget(collection.id);
    const dimensions = collection.embedding_dimensions;
    if (dimensions === null) return 0;
    this.options.logger.info('Rebuilding vector index from SQLite', { collection: collection.name, reason });
    return this.rebuild(collection, dimensions).liveCount;
  }

  /** Drops a deleted collection's index from memory and disk. */
  forget(collectionId: number): void {
    this.unload(collectionId);
    if (this.options.persist) removeIndexFiles(this.paths(collectionId));
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
      const liveCount = countEmbeddedChunks(this.options.database, collection.id, dimensions);
      const { hnsw } = this.options;
      return CollectionVectorIndex.read(paths.index, dimensions, hnsw, collection.index_generation, liveCount);
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
    const index = buildVectorIndex({
      database: this.options.database,
      collectionId: collection.id,
      dimensions,
      generation: collection.index_generation,
      hnsw: this.options.hnsw,
    });
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
    let index = this.loaded.get(collectionId);
    if (!index?.dirty || !this.options.persist) return;
    const row = prepared(this.options.database, 'SELECT index_generation, name FROM collections WHERE id = ?').get(
      collectionId,
    ) as { index_generation: number; name: string } | undefined;
    if (row?.index_generation !== index.generation) {
      // SQLite moved on without this index (another process wrote, or the collection is gone): never save it.
      this.unload(collectionId);
      return;
    }
    if (needsCompaction(index, this.options.compactionThreshold)) index = this.compact(collectionId, index);
    try {
      const documents = listManifestDocuments(this.options.database, collectionId);
      saveIndexFiles(this.paths(collectionId), { id: collectionId, name: row.name, documents }, index);
      index.dirty = false;
    } catch (error) {
      this.options.logger.error('Saving the vector index failed; SQLite still holds every vector', {
        collectionId,
        error: String(error),
      });
    }
  }

  /** The index rebuilt from SQLite without its deleted slots, replacing the loaded one. */
  private compact(collectionId: number, index: CollectionVectorIndex): CollectionVectorIndex {
    this.options.logger.info('Compacting vector index', {
      collectionId,
      deletedSlots: index.deletedSlots,
      liveVectors: index.liveCount,
    });
    const compacted = buildVectorIndex({
      database: this.options.database,
      collectionId,
      dimensions: index.dimensions,
      generation: index.generation,
      hnsw: this.options.hnsw,
    });
    this.loaded.set(collectionId, compacted);
    return compacted;
  }

  private unload(collectionId: number): void {
    const timer = this.saveTimers.get(collectionId);
    if (timer) clearTimeout(timer);
    this.saveTimers.delete(collectionId);
    this.loaded.delete(collectionId);
  }
}
