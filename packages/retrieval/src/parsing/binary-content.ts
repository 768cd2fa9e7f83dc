/** Magic numbers of binary formats worth naming, and the media type each means. */
const magicNumbers: { bytes: number[]; mediaType: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], mediaType: 'application/pdf' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], mediaType: 'application/zip' }, // PK.. (also DOCX, XLSX, ODT)
  { bytes: [0x89, 0x50, 0x4e, 0x47], mediaType: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], mediaType: 'image/gif' },
  { bytes: [0x1f, 0x8b], mediaType: 'application/gzip' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], mediaType: 'application/x-elf' },
];

/** The media type announced by a file's magic number, or undefined when it has none we know. */
export function sniffMagicNumber(bytes: Uint8Array): string | undefined {
  const match = magicNumbers.find((magic) => magic.bytes.every((byte, index) => bytes[index] === byte));
  return match?.mediaType;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 text strictly (a leading byte-order mark is dropped). Returns undefined for content that is not
 * text: a NUL byte or a byte sequence that is not valid UTF-8 (UTF-16 files, images, archives).
 */
export function decodeUtf8Text(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes are not UTF-8 text. */
export function isBinaryContent(bytes: Uint8Array): boolean {
  return sniffMagicNumber(bytes) !== undefined || decodeUtf8Text(bytes) === undefined;
}
