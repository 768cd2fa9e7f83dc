import type { DocumentWarning } from '@andes-rag/core';
import { sniffableMediaTypes, sniffMediaType } from './binary-content.js';
import type { DocumentParser } from './document-parser.js';
import type { ParserRegistry } from './parser-registry.js';
import { sourceExtension } from './source-file-name.js';
import { decodeText } from './text/decode-text.js';

/** A file to recognise. */
export interface MediaTypeInput {
  source: string;
  bytes: Uint8Array;
  /** Declared media type (e.g. an upload's Content-Type); parameters and generic types are ignored. */
  mediaType?: string;
}

/** The parser chosen for a file, and a `media_type_mismatch` warning when its name or declared type lied. */
export interface RecognizedFile {
  parser: DocumentParser;
  warning?: DocumentWarning;
}

const genericMediaTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/**
 * Picks the parser for a file: by what its bytes are first, by what it claims second. The claim is the declared
 * media type when a parser is registered for it, else the one its extension means.
 * - Bytes with a known signature (a `%PDF-` header; a ZIP listing `word/document.xml`) go to the parser of that
 *   type whatever the claim, and a ZIP, image or executable without a parser is rejected.
 * - Other content that is not text in an encoding `decodeText` recognises (UTF-8, UTF-16 with a byte-order mark,
 *   Latin-1, GB18030, Shift-JIS and the others chardet detects) goes only to a claimed binary parser without a
 *   signature of its own.
 * - Text claimed as a signed binary type (a text file named `.pdf`) is read as what it is: HTML when it starts
 *   like HTML, else plain text.
 * A file parsed as something other than its claim gets a `media_type_mismatch` warning.
 *
 * @throws AndesError `unsupported_file_type` naming the supported types.
 */
export function recognizeFile(input: MediaTypeInput, registry: ParserRegistry): RecognizedFile {
  const declared = normalizeMediaType(input.mediaType);
  const extension = sourceExtension(input.source);
  const claimed =
    (declared !== undefined && registry.forMediaType(declared) ? declared : undefined) ??
    registry.mediaTypeForExtension(extension);
  const claimedParser = claimed === undefined ? undefined : registry.forMediaType(claimed);

  const sniffed = sniffMediaType(input.bytes, registry.limits.maxZipEntries);
  if (sniffed !== undefined) {
    // A ZIP that a DOCX parser should judge (truncated, unsafe) stays with it, for a precise error.
    if (sniffed === 'application/zip' && claimedParser?.binary) return { parser: claimedParser };
    const parser = registry.forMediaType(sniffed);
    if (!parser) throw registry.unsupported(input.source, `its content is ${sniffed}`);
    return withMismatch(parser, claimed, input.source);
  }
  const text = decodeText(input.bytes)?.text;
  if (text === undefined) {
    if (claimedParser?.binary && !sniffableMediaTypes.has(claimedParser.mediaType)) return { parser: claimedParser };
    throw registry.unsupported(input.source, 'its content is binary, not text');
  }
  if (claimedParser && !claimedParser.binary) return { parser: claimedParser };
  if (claimedParser && !sniffableMediaTypes.has(claimedParser.mediaType)) return { parser: claimedParser };
  if (claimedParser) {
    const parser = registry.forMediaType(looksLikeHtml(text) ? 'text/html' : 'text/plain');
    if (parser) return withMismatch(parser, claimed, input.source);
    throw registry.unsupported(input.source, `it is named as ${claimed} but its content is text`);
  }
  const reason =
    declared !== undefined
      ? `its type ${declared} is not supported`
      : extension === ''
        ? 'it has no file extension'
        : `the extension "${extension}" is not supported`;
  throw registry.unsupported(input.source, reason);
}

/** The parser {@link recognizeFile} picks. */
export function selectParser(input: MediaTypeInput, registry: ParserRegistry): DocumentParser {
  return recognizeFile(input, registry).parser;
}

/** `Text/HTML; charset=utf-8` → `text/html`; undefined for a missing or generic type. */
export function normalizeMediaType(mediaType: string | undefined): string | undefined {
  const normalized = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return genericMediaTypes.has(normalized) ? undefined : normalized;
}

function withMismatch(parser: DocumentParser, claimed: string | undefined, source: string): RecognizedFile {
  if (claimed === undefined || claimed === parser.mediaType) return { parser };
  return {
    parser,
    warning: {
      code: 'media_type_mismatch',
      message: `"${source}" was presented as ${claimed}, but its content is ${parser.mediaType}; it was parsed as ${parser.mediaType}.`,
    },
  };
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(text.slice(0, 4096));
}
