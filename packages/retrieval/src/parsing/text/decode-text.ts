import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Text decoded from bytes, and the encoding it was read in. */
export interface DecodedText {
  text: string;
  /** The encoding's name as iconv-lite spells it, e.g. `utf-8`, `windows-1252`, `Shift_JIS`. */
  encoding: string;
}

/** How {@link decodeText} reads bytes. */
export interface DecodeTextOptions {
  /** An encoding the file declares (an HTML `<meta charset>`, a `charset=` parameter), tried after a byte-order mark. */
  declaredEncoding?: string;
}

const byteOrderMarks: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];
/** Bytes chardet looks at: enough to tell an encoding, without scanning a large file. */
const detectionSample = 64 * 1024;
/** Share of C0 control bytes (other than tab, line breaks, form feed and escape) past which bytes are not text. */
const maxControlShare = 0.01;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a text file in whatever encoding it is in, or returns undefined for content that is not
 * text. In order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; bytes with a NUL are not text (UTF-16 needs
 * its mark); valid UTF-8 is UTF-8 (pages declaring Latin-1 while written in UTF-8 are common; the reverse cannot
 * decode cleanly by chance); bytes with more than 1 % control characters are not text; a declared encoding is used
 * when the bytes decode cleanly in it; otherwise chardet's guesses are tried, most confident first, and the first that decodes without a replacement
 * character is taken (ISO-8859-1 is read as its superset windows-1252). The byte-order mark is not part of the text.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText | undefined {
  const marked = byteOrderMarks.find((mark) => mark.bytes.every((byte, index) => bytes[index] === byte));
  if (marked) return clean(bytes.subarray(marked.bytes.length), marked.encoding);
  if (bytes.includes(0)) return undefined;
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (!fewControlBytes(bytes)) return undefined;
  const declared = options.declaredEncoding === undefined ? undefined : clean(bytes, options.declaredEncoding);
  if (declared) return declared;
  for (const guess of analyse(bytes.subarray(0, detectionSample))) {
    const decoded = clean(bytes, guess.name === 'ISO-8859-1' ? 'windows-1252' : guess.name);
    if (decoded) return decoded;
  }
  return undefined;
}

/** The bytes decoded strictly as UTF-8, or undefined when they are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes decoded in `encoding`, or undefined when iconv-lite lacks it or it leaves undecodable bytes. */
function clean(bytes: Uint8Array, encoding: string): DecodedText | undefined {
  if (!iconv.encodingExists(encoding)) return undefined;
  if (/^utf-?8$/i.test(encoding)) {
    const text = decodeUtf8(bytes);
    return text === undefined ? undefined : { text, encoding: 'utf-8' };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
  return text.includes('\uFFFD') ? undefined : { text, encoding };
}

/** False for bytes with more than 1 % control bytes: binary data rather than text. */
function fewControlBytes(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls += 1;
  }
  return controls <= bytes.length * maxControlShare;
}
