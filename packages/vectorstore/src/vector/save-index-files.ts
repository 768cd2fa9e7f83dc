import type { CollectionVectorIndex } from './collection-vector-index.js';
import { publishAtomically, type IndexFilePaths } from './index-files.js';
import { writeSidecar } from './index-sidecar.js';

/**
 * Publishes a collection's index file atomically, then the sidecar that vouches for it: generation, dimensions and
 * the file's SHA-256. A crash between the two leaves a sidecar that no longer matches, so the next open rebuilds.
 */
export function saveIndexFiles(paths: IndexFilePaths, collectionId: number, index: CollectionVectorIndex): void {
  const checksum = publishAtomically(paths.index, (temporaryFile) => index.hnsw.writeIndexSync(temporaryFile));
  writeSidecar(paths, {
    format: 1,
    collectionId,
    generation: index.generation,
    dimensions: index.dimensions,
    sha256: checksum,
  });
}
