import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `directory`, as paths relative to it (forward slashes), sorted. */
export async function listFilesRecursively(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** A multipart body with every file under `directory` in the repeatable `files` field, named by relative path. */
export async function folderFormData(directory: string): Promise<{ form: FormData; names: string[] }> {
  const names = await listFilesRecursively(directory);
  const form = new FormData();
  for (const name of names) {
    form.append('files', new Blob([new Uint8Array(await readFile(path.join(directory, name)))]), name);
  }
  return { form, names };
}
