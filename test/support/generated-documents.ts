import { createHash } from 'node:crypto';

/** One write of the durability test: document `documentIndex` stored in version `version`. */
export interface GeneratedWrite {
  /** The operation's number, from 0; also the version it writes. */
  operation: number;
  documentIndex: number;
  source: string;
  bytes: Uint8Array;
  /** A word only this version contains: lexical search for it must find exactly this document. */
  versionMark: string;
  /** Hex SHA-256 of the bytes: the content hash the store must record for this version. */
  contentHash: string;
}

const vocabulary = (
  'river stone ledger harbor lantern meadow copper falcon willow granite orchard compass beacon ' +
  'glacier thistle canyon ember quarry saddle tundra violet walnut zephyr anchor basalt cedar delta'
).split(' ');

/** A deterministic pseudo-random word list (mulberry32 seeded by `seed`). */
function words(seed: number, count: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
}

/**
 * The `operation`-th write of the durability test. Most operations create a new document; every fourth one
 * replaces an earlier document with a new version, so a kill can also land in the middle of a replacement.
 */
export function generatedWrite(operation: number): GeneratedWrite {
  const documentIndex = operation % 4 === 3 ? Math.floor(operation / 8) : operation;
  const versionMark = `vermark${operation}`;
  const text =
    `# Generated document ${documentIndex}\n\n` +
    `Document docmark${documentIndex} in version ${versionMark}: ${words(operation + 1, 40).join(' ')}.\n`;
  const bytes = new TextEncoder().encode(text);
  return {
    operation,
    documentIndex,
    source: `generated/document-${documentIndex}.md`,
    bytes,
    versionMark,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}
