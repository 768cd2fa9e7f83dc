import { docxMediaType, pdfMediaType, wordDocumentPart } from './media-types.js';
import { decodeText } from './text/decode-text.js';
import { readZipDirectory } from './zip/zip-directory.js';

/** Magic numbers of binary formats worth naming, and the media type each means. */
const magicNumbers: { bytes: number[]; mediaType: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], mediaType: 'application/zip' }, // PK.. (also DOCX, XLSX, ODT)
  { bytes: [0x89, 0x50, 0x4e, 0x47], mediaType: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], mediaType: 'image/gif' },
  { bytes: [0x1f, 0x8b], mediaType: 'application/gzip' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], mediaType: 'application/x-elf' },
];

/** Every media type {@link sniffMediaType} can answer: formats recognised by their bytes, whatever their name. */
export const sniffableMediaTypes: ReadonlySet<string> = new Set([
  pdfMediaType,
  docxMediaType,
  ...magicNumbers.map((magic) => magic.mediaType),
]);

/** pdf.js, like Acrobat, accepts up to 1 KiB of junk before the `%PDF-` header. */
const pdfHeaderWindow = 1024;

/**
 * The media type a file's bytes announce, or undefined when they announce none we know: `application/pdf` for a
 * `%PDF-` header at the start (or later in the first KiB of a file that is not text); for a ZIP, the DOCX type when its directory lists `word/document.xml`, else
 * `application/zip`; a few image and executable types. Reads at most the ZIP directory, never inflates.
 */
export function sniffMediaType(bytes: Uint8Array, maxZipEntries: number): string | undefined {
  const pdfHeader = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, pdfHeaderWindow)).indexOf(
    '%PDF-',
  );
  // A text file that merely mentions "%PDF-" near its start stays text.
  if (pdfHeader === 0 || (pdfHeader > 0 && decodeText(bytes) === undefined)) return pdfMediaType;
  const magic = magicNumbers.find((candidate) =>
    candidate.bytes.every((byte, index) => bytes[index] === byte),
  )?.mediaType;
  if (magic !== 'application/zip') return magic;
  const directory = readZipDirectory(bytes, maxZipEntries);
  return 'entries' in directory && directory.entries.some((entry) => entry.name === wordDocumentPart)
    ? docxMediaType
    : magic;
}
