import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';

/** One model `andes models pull` fetched: where from, where it lies, and its size and SHA-256. */
export interface PulledModel {
  /** The reference it was pulled by: `hf:OWNER/REPO/FILE.gguf` or an `http(s)://` URL. */
  uri: string;
  /** The file's name inside the models directory. */
  fileName: string;
  /** Size in bytes. */
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the whole file, computed after the download. */
  sha256: string;
  /** When the pull finished (ISO 8601). */
  pulledAt: string;
}

/** The manifest's file name inside a models directory. */
export const modelManifestFileName = 'models.json';

/** True for a model reference that names a remote file (`hf:…`, `http://…`, `https://…`) rather than a path. */
export function isModelUri(reference: string): boolean {
  return /^(hf:|https?:\/\/)/i.test(reference);
}

/** The models recorded in `directory`'s manifest, newest pull last; empty when nothing was pulled there. */
export function readModelManifest(directory: string): PulledModel[] {
  const manifestPath = path.join(directory, modelManifestFileName);
  if (!existsSync(manifestPath)) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error('not a list');
    return parsed as PulledModel[];
  } catch (error) {
    throw new AndesError('store_corrupt', `The model manifest ${manifestPath} cannot be read: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Records `model` in `directory`'s manifest (replacing an entry with the same URI), written atomically. */
export async function recordPulledModel(directory: string, model: PulledModel): Promise<void> {
  await mkdir(directory, { recursive: true });
  const models = readModelManifest(directory).filter((entry) => entry.uri !== model.uri);
  models.push(model);
  const manifestPath = path.join(directory, modelManifestFileName);
  const temporaryPath = `${manifestPath}.${process.pid}.tmp`;
  await writeFile(temporaryPath, `${JSON.stringify(models, null, 2)}\n`);
  await rename(temporaryPath, manifestPath);
}

/**
 * Turns a model reference into a file path: a path is returned as given; a URI (`hf:…`, `http(s)://…`) is looked up
 * among the models pulled into `directory`.
 *
 * @throws AndesError `model_not_found` when the URI was never pulled there, naming the command that pulls it.
 */
export function resolveModelReference(reference: string, directory: string): string {
  if (!isModelUri(reference)) return reference;
  const pulled = readModelManifest(directory).find((entry) => entry.uri === reference);
  if (!pulled) {
    throw new AndesError(
      'model_not_found',
      `Model ${reference} has not been pulled into ${directory}; run: andes models pull ${reference}`,
      { details: { uri: reference, directory } },
    );
  }
  return path.join(directory, pulled.fileName);
}
