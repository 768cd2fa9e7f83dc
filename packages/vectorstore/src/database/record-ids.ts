import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random bytes drawn from the system 4 KiB at a time: one call per ~400 ids rather than one per chunk stored. */
let randomPool: Uint8Array = new Uint8Array(0);
let randomPoolOffset = 0;

function takeRandomBytes(count: number): Uint8Array {
  if (randomPoolOffset + count > randomPool.length) {
    randomPool = randomBytes(4096);
    randomPoolOffset = 0;
  }
  const bytes = randomPool.subarray(randomPoolOffset, randomPoolOffset + count);
  randomPoolOffset += count;
  return bytes;
}

/** 16 characters of Crockford base-32 from 80 random bits: short, URL-safe, and practically never repeated. */
function randomSuffix(): string {
  const bytes = takeRandomBytes(10);
  let bits = 0;
  let value = 0;
  let suffix = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      suffix += alphabet[(value >>> bits) & 31];
    }
  }
  return suffix;
}

/** A new document id, e.g. `doc_5k2m9x0qvt3hc8aw`. A document keeps its id when its content is replaced. */
export function newDocumentId(): string {
  return `doc_${randomSuffix()}`;
}

/** A new chunk id, e.g. `chk_0d4r7yb2mq9e1fsz`. */
export function newChunkId(): string {
  return `chk_${randomSuffix()}`;
}
