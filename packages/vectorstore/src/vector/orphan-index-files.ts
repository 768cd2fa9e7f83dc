import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const collectionFile = /^collection-(\d+)\.(?:hnsw|json|documents\.json)$/;
/** `publishAtomically`'s temporary files: `<target>.<pid>.<random>.tmp`. */
const temporaryFile = /\.(\d+)\.[0-9a-f]+\.tmp$/;
const temporaryFileMaxAgeMs = 60 * 60 * 1000;

/** True when a process with this id is running (perhaps another user's). */
function isRunning(processId: number): boolean {
  try {
    process.kill(processId, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A temporary file is abandoned when the process that wrote it is gone, or is this one (saves are synchronous, so
 * none of ours is running while this check runs: the id was reused), or when it is over an hour old.
 */
function isAbandoned(file: string, writerProcessId: number): boolean {
  if (writerProcessId === process.pid || !isRunning(writerProcessId)) return true;
  return Date.now() - statSync(file).mtimeMs > temporaryFileMaxAgeMs;
}

/**
 * Removes index files no collection owns (left when a crash came between deleting a collection and deleting its
 * files) and temporary files of saves that never finished (left when their process was killed mid-save). A
 * temporary file of a live process (another store saving right now) is left alone unless over an hour old.
 */
export function removeOrphanIndexFiles(directory: string, collectionIds: ReadonlySet<number>): void {
  for (const name of readdirSync(directory)) {
    const file = path.join(directory, name);
    const owner = collectionFile.exec(name);
    const temporary = temporaryFile.exec(name);
    if (owner && !collectionIds.has(Number(owner[1]))) rmSync(file, { force: true });
    else if (temporary && isAbandoned(file, Number(temporary[1]))) rmSync(file, { force: true });
  }
}
