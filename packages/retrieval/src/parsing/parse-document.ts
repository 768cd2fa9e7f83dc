import { AndesError, type SourceDocument } from '@andes/core';
import { contentHash } from './content-hash.js';
import { createDefaultParserRegistry } from './default-parser-registry.js';
import { selectParser } from './detect-media-type.js';
import type { ParserRegistry } from './parser-registry.js';
import { sourceTitle } from './source-file-name.js';

/** One file to parse. */
export interface ParseDocumentInput {
  /** The document's identity in its collection: the path it was ingested from, or the uploaded file name. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Declared media type (e.g. an upload's Content-Type). Default: decided from the extension and the bytes. */
  mediaType?: string;
  /** The parsers to choose from. Default: {@link createDefaultParserRegistry} (Markdown, plain text, HTML). */
  parsers?: ParserRegistry;
}

const defaultParsers = createDefaultParserRegistry();

/**
 * Turns a file into a {@link SourceDocument}: picks the parser from the declared type, the extension and a sniff
 * of the bytes; extracts the text (line breaks normalised to `\n`); titles it with the file's own title or, failing
 * that, its file name; and versions it with the SHA-256 of the bytes.
 *
 * @throws AndesError `unsupported_file_type` for binary content or an unknown type, naming the supported types;
 *   `parse_failed` when the file holds no text.
 */
export async function parseDocument(input: ParseDocumentInput): Promise<SourceDocument> {
  const parser = selectParser(input, input.parsers ?? defaultParsers);
  const parsed = await parser.parse({ source: input.source, bytes: input.bytes, mediaType: parser.mediaType });
  const text = parsed.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new AndesError('parse_failed', `"${input.source}" contains no text.`, { details: { source: input.source } });
  }
  return {
    source: input.source,
    title: parsed.title?.trim() || sourceTitle(input.source),
    mediaType: parser.mediaType,
    text,
    contentHash: contentHash(input.bytes),
  };
}
