import type { ZipArchive } from '../zip/zip-archive.js';

/**
 * The archive interface mammoth reads a DOCX through (its `openZip` accepts `{ file }` as well as `{ buffer }`):
 * every part mammoth asks for comes from {@link ZipArchive}, which enforces the size limits, instead of from
 * mammoth's own JSZip, which would inflate whatever the archive declares. `transform` may rewrite a text part
 * before mammoth sees it. Relies on mammoth 1.13's internal shape; the DOCX tests cover it.
 */
export interface MammothZipFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

/** Wraps `archive` for mammoth; see {@link MammothZipFile}. */
export function mammothZipFile(archive: ZipArchive, transform: (name: string, text: string) => string): MammothZipFile {
  return {
    exists: (name) => archive.has(name),
    read: async (name, encoding) => {
      const bytes = archive.read(name);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      if (encoding !== undefined) return transform(name, new TextDecoder(encoding).decode(bytes));
      return bytes;
    },
    write: () => {
      throw new Error('The DOCX parser opens archives read-only.');
    },
    toArrayBuffer: () => Promise.reject(new Error('The DOCX parser opens archives read-only.')),
  };
}
