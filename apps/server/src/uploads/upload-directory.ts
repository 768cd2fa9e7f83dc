import { rm } from 'node:fs/promises';
import path from 'node:path';

/** Where uploads wait for ingestion, as temporary files: `<dataDir>/uploads-in-progress`. */
export function uploadDirectory(dataDir: string): string {
  return path.join(dataDir, 'uploads-in-progress');
}

/** Deletes leftovers of uploads a crash or a kill interrupted; run once at start, before serving. */
export async function clearUploadDirectory(dataDir: string): Promise<void> {
  await rm(uploadDirectory(dataDir), { recursive: true, force: true });
}
