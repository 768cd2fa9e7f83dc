import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';

/** A file found for ingestion. */
export interface FoundFile {
  /** The path as the user would write it, with forward slashes: the document's source. */
  source: string;
  /** Absolute path to read. */
  absolutePath: string;
}

/** The files found, and those left out of folders because Andes cannot ingest their type. */
export interface CollectedFiles {
  files: FoundFile[];
  /** Sources of files inside the folders whose extension is not supported (hidden files are not listed). */
  unsupported: string[];
}

const skippedDirectories = new Set(['node_modules', '.git', '.andes']);

/**
 * Expands files and folders (recursively) into the files to ingest. Inside folders only files with one of
 * `extensions` are taken, hidden files and folders are skipped; a file named explicitly is always taken
 * (ingestion then reports whether its type is supported); other files in folders are listed as `unsupported`. A path
 * that does not exist is an `invalid_request`.
 */
export async function collectFiles(paths: string[], extensions: readonly string[]): Promise<CollectedFiles> {
  const found = new Map<string, FoundFile>();
  const unsupported: string[] = [];
  const accepts = (name: string) => extensions.includes(path.extname(name).toLowerCase());
  const add = (given: string) => {
    const absolutePath = path.resolve(given);
    found.set(absolutePath, { source: toSource(given), absolutePath });
  };
  const walk = async (directory: string): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true });
    entries.sort((left, right) => left.name.localeCompare(right.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || skippedDirectories.has(entry.name)) continue;
      const child = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && accepts(entry.name)) add(child);
      else if (entry.isFile()) unsupported.push(toSource(child));
    }
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new AndesError('invalid_request', `No such file or folder: ${given}`);
    if (info.isDirectory()) await walk(given);
    else add(given);
  }
  return { files: [...found.values()], unsupported };
}

function toSource(given: string): string {
  const relative = path.relative(process.cwd(), path.resolve(given));
  const chosen = relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(given) : relative;
  return chosen.split(path.sep).join('/');
}
