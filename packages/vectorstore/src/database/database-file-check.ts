import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import { storeCorruptError } from './store-damage.js';

/** What {@link checkDatabaseFile} found: no file (a new store), or a file whose header looks like SQLite's. */
export type DatabaseFileState = { kind: 'missing' } | { kind: 'present'; bytes: number; pageSize: number };

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
/** Text every Andes database holds in its schema page, even when the header in front of it is damaged. */
const andesSignatures = ['CREATE TABLE collections', 'CREATE TABLE chunks'];
const headerBytes = 100;
const signatureScanBytes = 64 * 1024;

/**
 * Looks at the database file before SQLite opens it, because SQLite takes an empty file for a new database and
 * would start a new store over the damaged one. Only a missing file means a new store. Throws AndesError
 * `store_corrupt` for an empty or truncated file or a damaged header (the file still holds Andes's schema), and
 * `store_foreign` for a file that is no SQLite database at all.
 */
export function checkDatabaseFile(file: string): DatabaseFileState {
  const name = path.basename(file);
  let bytes: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new AndesError('store_foreign', `${name} in the data directory is not a file`);
    bytes = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (bytes === 0) {
    throw storeCorruptError(
      `The database ${name} is empty (0 bytes): the file was truncated or replaced, and only a missing database ` +
        'starts a new store',
      { details: { file: name, bytes } },
    );
  }
  const head = readStart(file, Math.min(bytes, signatureScanBytes));
  const hasSignature = head.length >= sqliteMagic.length && head.subarray(0, sqliteMagic.length).equals(sqliteMagic);
  if (!hasSignature) {
    if (andesSignatures.every((signature) => head.includes(signature, 0, 'latin1'))) {
      throw storeCorruptError(`The database ${name} has a damaged header (no SQLite signature)`, {
        details: { file: name, bytes },
      });
    }
    throw new AndesError(
      'store_foreign',
      `${name} in the data directory is not an SQLite database; Andes will not overwrite it. Point --data-dir at ` +
        'an Andes data directory, or move the file away to start a new store',
      { details: { file: name, bytes } },
    );
  }
  if (bytes < headerBytes) {
    throw storeCorruptError(`The database ${name} is truncated (${bytes} bytes)`, { details: { file: name, bytes } });
  }
  const pageSize = readPageSize(head);
  if (pageSize === undefined) {
    throw storeCorruptError(`The database ${name} has a damaged header (invalid page size)`, {
      details: { file: name },
    });
  }
  const pagesInHeader = head.readUInt32BE(28);
  const headerCountIsValid = head.readUInt32BE(24) === head.readUInt32BE(92) && pagesInHeader > 0;
  if (bytes % pageSize !== 0 || (headerCountIsValid && bytes < pagesInHeader * pageSize)) {
    throw storeCorruptError(
      `The database ${name} is truncated: ${bytes} bytes, but its header records ${pagesInHeader} pages of ${pageSize} bytes`,
      { details: { file: name, bytes, pageSize, pagesInHeader } },
    );
  }
  return { kind: 'present', bytes, pageSize };
}

function readStart(file: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const descriptor = openSync(file, 'r');
  try {
    readSync(descriptor, buffer, 0, length, 0);
  } finally {
    closeSync(descriptor);
  }
  return buffer;
}

/** The page size of a database header (offset 16, big-endian; 1 means 65536), or undefined when invalid. */
function readPageSize(header: Buffer): number | undefined {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : undefined;
}
