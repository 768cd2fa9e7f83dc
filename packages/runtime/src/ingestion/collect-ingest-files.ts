import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import type { IngestInput } from '../andes-service.js';
import { supportedFileExtensions } from '../supported-file-extensions.js';

/** Options for {@link collectIngestFiles}. */
export interface CollectIngestFilesOptions {
  /** File extensions (with the dot, lower case) taken inside folders. Default: every type ingestion can parse. */
  extensions?: readonly string[];
  /**
   * The folder sources are written relative to, so the same file keeps the same source (its identity in the
   * collection) whoever ingests it. Default: the working directory. Files outside it keep their absolute path.
   */
  relativeTo?: string;
}

const skippedDirectories = new Set(['node_modules', '.git', '.andes']);

/**
 * Expands files and folders (recursively, in name order) into ingestion inputs `{source, path}`: inside folders only
 * files with a supported extension are taken and hidden files and folders are skipped; a file named explicitly is
 * always taken (ingestion then reports whether its type is supported). Sources use forward slashes.
 *
 * @throws AndesError `invalid_request` for a path that does not exist.
 */
export async function collectIngestFiles(
  paths: readonly string[],
  options: CollectIngestFilesOptions = {},
): Promise<IngestInput[]> {
  const extensions = options.extensions ?? supportedFileExtensions();
  const base = path.resolve(options.relativeTo ?? '.');
  const found = new Map<string, IngestInput>();
  const add = (file: string) => {
    const absolutePath = path.resolve(file);
    const relative = path.relative(base, absolutePath);
    const source = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
    found.set(absolutePath, { source: source.split(path.sep).join('/'), path: absolutePath });
  };
  const walk = async (directory: string): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true });
    entries.sort((left, right) => left.name.localeCompare(right.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || skippedDirectories.has(entry.name)) continue;
      const child = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) add(child);
    }
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info)
      throw new AndesError('invalid_request', `No such file or folder: ${given}`, { details: { path: given } });
    if (info.isDirectory()) await walk(given);
    else add(given);
  }
  return [...found.values()];
}
