/** One file in a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  /** The entry's path inside the archive, as stored (`/` separators by convention). */
  name: string;
  /** 0 stored, 8 deflated; anything else is unsupported. */
  method: number;
  /** True when the entry is encrypted. */
  encrypted: boolean;
  compressedSize: number;
  /** The size the directory declares; inflating is cut off beyond it. */
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const endOfDirectoryLength = 22;
const longestComment = 0xffff;

/**
 * Reads a ZIP archive's central directory without inflating anything: the entry names, sizes and methods.
 * Returns a reason string instead of entries when the bytes are not a readable ZIP (no end record, a directory
 * outside the file, ZIP64), and stops with a reason after `maxEntries` entries. Bounds-checks every read, so
 * hostile bytes cost at most one pass over the directory.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[] } | { problem: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end === undefined) return { problem: 'it has no ZIP end-of-directory record (truncated or not a ZIP)' };
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff)
    return { problem: 'it is a ZIP64 archive, which is not supported' };
  if (entryCount > maxEntries) return { problem: `it has ${entryCount} ZIP entries; the limit is ${maxEntries}` };
  if (directoryOffset + directorySize > end)
    return { problem: 'its ZIP directory points outside the file (truncated or corrupt)' };

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== directoryEntrySignature) {
      return { problem: 'its ZIP directory is corrupt' };
    }
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > end) return { problem: 'its ZIP directory is corrupt' };
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    entries.push({
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes),
      method: view.getUint16(offset + 10, true),
      encrypted: (flags & 0x1) !== 0,
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** Offset of the end-of-central-directory record: the last one, searched back over the longest comment. */
function findEndOfDirectory(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - endOfDirectoryLength - longestComment);
  for (let offset = view.byteLength - endOfDirectoryLength; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === endOfDirectorySignature) return offset;
  }
  return undefined;
}
