import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** 16 characters of Crockford base-32 from 80 random bits (the same form as the SQLite store's ids). */
function randomSuffix(): string {
  let bits = 0;
  let value = 0;
  let suffix = '';
  for (const byte of randomBytes(10)) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      suffix += alphabet[(value >>> bits) & 31];
    }
  }
  return suffix;
}

/** A new document id, e.g. `doc_5k2m9x0qvt3hc8aw`. */
export function newDocumentId(): string {
  return `doc_${randomSuffix()}`;
}

/** A new chunk id, e.g. `chk_0d4r7yb2mq9e1fsz`. */
export function newChunkId(): string {
  return `chk_${randomSuffix()}`;
}
