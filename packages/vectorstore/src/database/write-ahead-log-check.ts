import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** Commits the shared-memory index records that the write-ahead log no longer holds. */
export interface LostWriteAheadLog {
  /** Frames (page writes) that were committed and never copied into the database file. */
  lostFrames: number;
  /** What happened to the log: `missing`, `truncated`, or `overwritten` (frames that fail their checksum). */
  damage: 'missing' | 'truncated' | 'overwritten';
}

const walIndexVersion = 3007000;
const walHeaderBytes = 32;
const frameHeaderBytes = 24;
const walMagic = 0x377f0682;

interface WalIndexHeader {
  mxFrame: number;
  nBackfill: number;
  pageSize: number;
  salt: Buffer;
  frameChecksum: [number, number];
}

/**
 * Finds committed transactions lost with the write-ahead log, before SQLite opens the database (opening runs
 * recovery, which rewrites `-shm` from whatever log is left and erases the evidence).
 *
 * After a crash, `<db>-shm` still holds SQLite's wal-index header: how many frames of `<db>-wal` are committed
 * (`mxFrame`), how many were already copied into the database (`nBackfill`), the log's salt and the checksum of its
 * last committed frame. Frames past `nBackfill` exist only in the log; when the log is missing, shorter than
 * `mxFrame` frames, or its frames stop matching their checksums before `mxFrame`, those commits are gone. A
 * missing or unreadable `-shm` (a clean shutdown deletes both files) proves nothing and returns undefined, as does
 * a header whose own checksum fails. Reads only; a live writer's log is re-read a few times before concluding.
 */
export function findLostWriteAheadLog(databaseFile: string): LostWriteAheadLog | undefined {
  let lost: LostWriteAheadLog | undefined;
  // A live writer restarts its log (new salt) just before updating -shm: agree three times, 25 ms apart.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    lost = checkOnce(databaseFile);
    if (lost === undefined) return undefined;
  }
  return lost;
}

function checkOnce(databaseFile: string): LostWriteAheadLog | undefined {
  const header = readWalIndexHeader(`${databaseFile}-shm`);
  if (!header || header.mxFrame <= header.nBackfill) return undefined;
  const log = readLog(`${databaseFile}-wal`);
  if (!log) return { lostFrames: header.mxFrame - header.nBackfill, damage: 'missing' };
  const validFrames = countValidFrames(log, header);
  if (validFrames >= header.mxFrame) return undefined;
  const frameBytes = frameHeaderBytes + header.pageSize;
  const lostFrames = header.mxFrame - Math.max(validFrames, header.nBackfill);
  if (lostFrames <= 0) return undefined;
  const truncated = log.length < walHeaderBytes + header.mxFrame * frameBytes;
  return { lostFrames, damage: truncated ? 'truncated' : 'overwritten' };
}

function readLog(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The wal-index header at the start of `-shm`, when both copies agree and its checksum holds. */
function readWalIndexHeader(file: string): WalIndexHeader | undefined {
  const bytes = Buffer.alloc(136);
  try {
    if (statSync(file).size < bytes.length) return undefined;
    const descriptor = openSync(file, 'r');
    try {
      readSync(descriptor, bytes, 0, bytes.length, 0);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
  // The header is written in the machine's byte order; Node runs little-endian everywhere Andes supports.
  const first = bytes.subarray(0, 48);
  if (!first.equals(bytes.subarray(48, 96))) return undefined;
  if (first.readUInt32LE(0) !== walIndexVersion || first[12] !== 1) return undefined;
  const [sum1, sum2] = checksum(first.subarray(0, 40), false, [0, 0]);
  if (sum1 !== first.readUInt32LE(40) || sum2 !== first.readUInt32LE(44)) return undefined;
  const rawPageSize = first.readUInt16LE(14);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    mxFrame: first.readUInt32LE(16),
    frameChecksum: [first.readUInt32LE(24), first.readUInt32LE(28)],
    salt: Buffer.from(first.subarray(32, 40)),
    nBackfill: bytes.readUInt32LE(96),
  };
}

/** How many frames from the start of the log carry this log's salt and a correct running checksum. */
function countValidFrames(log: Buffer, header: WalIndexHeader): number {
  if (log.length < walHeaderBytes) return 0;
  const magic = log.readUInt32BE(0);
  if ((magic & 0xfffffffe) !== walMagic || log.readUInt32BE(8) !== header.pageSize) return 0;
  if (!log.subarray(16, 24).equals(header.salt)) return 0;
  const bigEndian = (magic & 1) === 1;
  let sums = checksum(log.subarray(0, 24), bigEndian, [0, 0]);
  if (sums[0] !== log.readUInt32BE(24) || sums[1] !== log.readUInt32BE(28)) return 0;
  const frameBytes = frameHeaderBytes + header.pageSize;
  let valid = 0;
  for (let offset = walHeaderBytes; offset + frameBytes <= log.length && valid < header.mxFrame; offset += frameBytes) {
    const frame = log.subarray(offset, offset + frameBytes);
    if (!frame.subarray(8, 16).equals(header.salt)) break;
    sums = checksum(frame.subarray(0, 8), bigEndian, sums);
    sums = checksum(frame.subarray(frameHeaderBytes), bigEndian, sums);
    if (sums[0] !== frame.readUInt32BE(16) || sums[1] !== frame.readUInt32BE(20)) break;
    valid += 1;
  }
  return valid;
}

/** SQLite's WAL checksum (`walChecksumBytes`): two running 32-bit sums over pairs of 32-bit words. */
function checksum(data: Buffer, bigEndian: boolean, start: readonly [number, number]): [number, number] {
  let first = start[0];
  let second = start[1];
  for (let offset = 0; offset + 8 <= data.length; offset += 8) {
    const word1 = bigEndian ? data.readUInt32BE(offset) : data.readUInt32LE(offset);
    const word2 = bigEndian ? data.readUInt32BE(offset + 4) : data.readUInt32LE(offset + 4);
    first = (first + word1 + second) >>> 0;
    second = (second + word2 + first) >>> 0;
  }
  return [first, second];
}
