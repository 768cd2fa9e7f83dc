import path from 'node:path';
import { AndesError, type DocumentRecord } from '@andes-rag/core';
import type { AndesService } from '@andes-rag/runtime';

/** True when `file` lies inside `directory` (both absolute). */
function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * `andes ingest --sync`: removes the collection's documents whose source lies under one of `directories` but is not
 * among `foundSources` (the files ingestion just collected there), from every index. Sources are paths as given on
 * the command line, relative to the working directory (see `collect-files.ts`), so they are resolved the same way.
 * Documents from elsewhere (other folders, uploads) are left alone. Returns the documents removed.
 */
export async function removeMissingDocuments(
  service: AndesService,
  collection: string,
  directories: readonly string[],
  foundSources: ReadonlySet<string>,
): Promise<DocumentRecord[]> {
  const roots = directories.map((directory) => path.resolve(directory));
  let documents: DocumentRecord[];
  try {
    documents = await service.listDocuments(collection);
  } catch (error) {
    if (AndesError.isInstance(error) && error.code === 'collection_not_found') return [];
    throw error;
  }
  const removed: DocumentRecord[] = [];
  for (const document of documents) {
    if (foundSources.has(document.source)) continue;
    const file = path.resolve(document.source);
    if (!roots.some((root) => isInside(file, root))) continue;
    if (await service.deleteDocument(collection, document.id)) removed.push(document);
  }
  return removed;
}
