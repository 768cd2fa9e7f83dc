import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const collectionFile = /^collection-(\d+)\.(?:hnsw|json)$/;
const temporaryFile = /\.tmp$/;
const temporaryFileMaxAgeMs = 60 * 60 * 1000;

/**
 * Removes index files no collection owns (left when a crash came between deleting a collection and deleting its
 * files) and temporary files over an hour old (left when a crash came during a save).
 */
export function removeOrphanIndexFiles(directory: string, collectionIds: ReadonlySet<number>): void {
  for (const name of readdirSync(directory)) {
    const file = path.join(directory, name);
    const match = collectionFile.exec(name);
    if (match && !collectionIds.has(Number(match[1]))) rmSync(file, { force: true });
    else if (temporaryFile.test(name) && Date.now() - statSync(file).mtimeMs > temporaryFileMaxAgeMs) {
      rmSync(file, { force: true });
    }
  }
}
