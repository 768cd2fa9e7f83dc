import { isBinaryContent, sniffMagicNumber } from './binary-content.js';
import type { DocumentParser } from './document-parser.js';
import type { ParserRegistry } from './parser-registry.js';
import { sourceExtension } from './source-file-name.js';

/** A file to recognise. */
export interface MediaTypeInput {
  source: string;
  bytes: Uint8Array;
  /** Declared media type (e.g. an upload's Content-Type); parameters and generic types are ignored. */
  mediaType?: string;
}

const genericMediaTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/**
 * Picks the parser for a file. The claimed type is the declared media type when a parser is registered for it,
 * else the one its extension means. The bytes are then sniffed: content that is not UTF-8 text (NUL bytes,
 * invalid UTF-8, a PDF or ZIP magic number) never goes to a text parser, whatever the name says; it goes to the
 * parser of the sniffed type when one is registered, and is rejected otherwise.
 *
 * @throws AndesError `unsupported_file_type` naming the supported types.
 */
export function selectParser(input: MediaTypeInput, registry: ParserRegistry): DocumentParser {
  const declared = normalizeMediaType(input.mediaType);
  const extension = sourceExtension(input.source);
  const claimed =
    (declared !== undefined && registry.forMediaType(declared) ? declared : undefined) ??
    registry.mediaTypeForExtension(extension);
  const claimedParser = claimed === undefined ? undefined : registry.forMediaType(claimed);
  if (claimedParser?.binary) return claimedParser;

  if (isBinaryContent(input.bytes)) {
    const sniffed = sniffMagicNumber(input.bytes);
    const sniffedParser = sniffed === undefined ? undefined : registry.forMediaType(sniffed);
    if (sniffedParser) return sniffedParser;
    throw registry.unsupported(input.source, `its content is binary${sniffed ? ` (${sniffed})` : ''}, not text`);
  }
  if (claimedParser) return claimedParser;
  const reason =
    declared !== undefined
      ? `its type ${declared} is not supported`
      : extension === ''
        ? 'it has no file extension'
        : `the extension "${extension}" is not supported`;
  throw registry.unsupported(input.source, reason);
}

/** `Text/HTML; charset=utf-8` → `text/html`; undefined for a missing or generic type. */
export function normalizeMediaType(mediaType: string | undefined): string | undefined {
  const normalized = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return genericMediaTypes.has(normalized) ? undefined : normalized;
}
