import type { CollectionVectorIndex } from './collection-vector-index.js';
import { publishAtomically, type IndexFilePaths } from './index-files.js';
import { writeManifest, type ManifestDocument } from './index-manifest.js';
import { writeSidecar } from './index-sidecar.js';

/** The collection an index belongs to, and its documents at the index's generation. */
export interface SavedCollection {
  id: number;
  name: string;
  documents: ManifestDocument[];
}

/**
 * Publishes a collection's index file atomically, then the manifest of its documents, then the sidecar that vouches
 * for the index: generation, dimensions and the file's SHA-256. A crash between them leaves a sidecar that no longer
 * matches, so the next open rebuilds.
 */
export function saveIndexFiles(paths: IndexFilePaths, collection: SavedCollection, index: CollectionVectorIndex): void {
  const collectionId = collection.id;
  const checksum = publishAtomically(paths.index, (temporaryFile) => index.hnsw.writeIndexSync(temporaryFile));
  writeManifest(paths, {
    format: 1,
    collectionId,
    collection: collection.name,
    generation: index.generation,
    documents: collection.documents,
  });
  writeSidecar(paths, {
    format: 1,
    collectionId,
    generation: index.generation,
    dimensions: index.dimensions,
    sha256: checksum,
  });
}
