import { inflateRawSync } from 'node:zlib';
import { AndesError } from '@andes-rag/core';
import type { ResolvedParseLimits } from '../parse-limits.js';
import { unsafeEntryNameReason } from './unsafe-entry-name.js';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

const localHeaderSignature = 0x04034b50;
/** Entries smaller than this are never judged by their compression ratio (tiny XML parts compress very well). */
const ratioCheckFloor = 1024 * 1024;

/**
 * A ZIP archive read defensively, for formats built on ZIP (DOCX). Opening checks everything that can be checked
 * before inflating a byte: the entry count, every entry name (no zip slip), no encryption, no duplicate names, and
 * the declared uncompressed sizes (total and per-entry ratio). Reading an entry inflates it with a hard cap at its
 * declared size, so an archive that lies about its sizes cannot inflate past them. Nothing is written to disk.
 */
export class ZipArchive {
  private readonly entries: Map<string, ZipEntry>;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
    entries: ZipEntry[],
  ) {
    this.entries = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /**
   * Reads and checks the archive's directory.
   *
   * @throws AndesError `parse_failed` for a corrupt or unsafe archive; `payload_too_large` when it would inflate
   *   past `limits.maxUncompressedBytes`, an entry's ratio passes `limits.maxCompressionRatio`, or it has more than
   *   `limits.maxZipEntries` entries.
   */
  static open(bytes: Uint8Array, source: string, limits: ResolvedParseLimits): ZipArchive {
    const directory = readZipDirectory(bytes, limits.maxZipEntries);
    if ('problem' in directory) {
      const code = directory.problem.includes('the limit is') ? 'payload_too_large' : 'parse_failed';
      throw new AndesError(code, `Cannot read "${source}": ${directory.problem}.`, { details: { source } });
    }
    const seen = new Set<string>();
    let total = 0;
    for (const entry of directory.entries) {
      const unsafe = unsafeEntryNameReason(entry.name);
      if (unsafe !== undefined) fail(source, `its ZIP entry name "${entry.name.slice(0, 200)}" ${unsafe} (zip slip)`);
      if (seen.has(entry.name)) fail(source, `its ZIP entry "${entry.name}" appears twice`);
      seen.add(entry.name);
      if (entry.encrypted) fail(source, 'it is encrypted');
      total += entry.uncompressedSize;
    }
    if (total > limits.maxUncompressedBytes) {
      throw tooLarge(source, `it would inflate to ${total} bytes; the limit is ${limits.maxUncompressedBytes}`, limits);
    }
    for (const entry of directory.entries) checkRatio(entry, source, limits);
    return new ZipArchive(bytes, source, directory.entries);
  }

  /** True when the archive has an entry with exactly this name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The entry's bytes, inflated; never more than its declared size.
   *
   * @throws AndesError `not_found` for a missing entry, `payload_too_large` for an entry that inflates past its
   *   declared size, `parse_failed` for a corrupt one.
   */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new AndesError('not_found', `"${this.source}" has no entry ${name}.`);
    const data = this.compressedData(entry);
    if (entry.method !== 0 && entry.method !== 8)
      fail(this.source, `its ZIP entry ${name} uses compression method ${entry.method}`);
    const inflated = entry.method === 0 ? data : this.inflate(entry, data);
    if (inflated.byteLength > entry.uncompressedSize) throw this.bomb(entry);
    if (inflated.byteLength < entry.uncompressedSize)
      fail(this.source, `its ZIP entry ${name} is shorter than declared (truncated)`);
    return inflated;
  }

  private inflate(entry: ZipEntry, data: Uint8Array): Uint8Array {
    try {
      // One byte of headroom tells "exactly the declared size" from "more than declared".
      return inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if (error instanceof RangeError) throw this.bomb(entry, error);
      return fail(this.source, `its ZIP entry ${entry.name} is corrupt`, error);
    }
  }

  private bomb(entry: ZipEntry, cause?: unknown): AndesError {
    const message = `Cannot read "${this.source}": its ZIP entry ${entry.name} inflates past its declared size of ${entry.uncompressedSize} bytes (a zip bomb).`;
    return new AndesError('payload_too_large', message, {
      details: { source: this.source },
      ...(cause === undefined ? {} : { cause }),
    });
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const header = entry.localHeaderOffset;
    if (header + 30 > view.byteLength || view.getUint32(header, true) !== localHeaderSignature) {
      fail(this.source, `its ZIP entry ${entry.name} is missing (truncated or corrupt)`);
    }
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    if (start + entry.compressedSize > view.byteLength) fail(this.source, `its ZIP entry ${entry.name} is truncated`);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }
}

function checkRatio(entry: ZipEntry, source: string, limits: ResolvedParseLimits): void {
  if (entry.uncompressedSize < ratioCheckFloor) return;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxCompressionRatio) {
    throw tooLarge(
      source,
      `its ZIP entry ${entry.name} would inflate ${Math.round(ratio)}-fold; the limit is ${limits.maxCompressionRatio} (a zip bomb)`,
      limits,
    );
  }
}

function tooLarge(source: string, reason: string, limits: ResolvedParseLimits): AndesError {
  return new AndesError('payload_too_large', `Cannot read "${source}": ${reason}.`, {
    details: {
      source,
      maxUncompressedBytes: limits.maxUncompressedBytes,
      maxCompressionRatio: limits.maxCompressionRatio,
    },
  });
}

function fail(source: string, reason: string, cause?: unknown): never {
  throw new AndesError('parse_failed', `Cannot read "${source}": ${reason}.`, {
    details: { source },
    ...(cause === undefined ? {} : { cause }),
  });
}
