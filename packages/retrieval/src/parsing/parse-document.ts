import { AndesError, type DocumentWarning, type SourceDocument } from '@andes-rag/core';
import { contentHash } from './content-hash.js';
import { recognizeFile } from './detect-media-type.js';
import type { ParserRegistry } from './parser-registry.js';
import { sourceTitle } from './source-file-name.js';
import { cleanExtractedText } from './text/clean-extracted-text.js';
import { removeInvisibleCharacters } from './text/invisible-characters.js';

/** One file to parse. */
export interface ParseDocumentInput {
  /** The document's identity in its collection: the path it was ingested from, or the uploaded file name. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Declared media type (e.g. an upload's Content-Type). Default: decided from the bytes and the extension. */
  mediaType?: string;
  /**
   * The parsers to choose from, with their limits. Default: one shared {@link createDefaultParserRegistry}
   * (every built-in format, default limits, HTML, CSV, PDF and DOCX parsed in a child process).
   */
  parsers?: ParserRegistry;
}

let defaultParsers: Promise<ParserRegistry> | undefined;

/**
 * Turns a file into a {@link SourceDocument}: picks the parser from the bytes first and the declared type or
 * extension second; extracts the text; normalises line breaks to `\n` and removes invisible characters (keeping
 * page offsets exact); titles it with the file's own title or, failing that, its file name; versions it with the
 * SHA-256 of the bytes; and collects the warnings raised on the way (hidden text, a lying file name).
 *
 * @throws AndesError `unsupported_file_type` for a type no parser reads, naming the supported types;
 *   `parse_failed` when the file is broken, holds no text or its parse runs out of time; `payload_too_large` when
 *   it passes a size limit of the registry's {@link ParseLimits}.
 */
export async function parseDocument(input: ParseDocumentInput): Promise<SourceDocument> {
  // Loaded on first use, so a parser process given its own registry never loads every parser library.
  const registry =
    input.parsers ??
    (await (defaultParsers ??= import('./default-parser-registry.js').then((module) =>
      module.createDefaultParserRegistry(),
    )));
  const { parser, warning } = recognizeFile(input, registry);
  const parsed = await parser.parse({
    source: input.source,
    bytes: input.bytes,
    mediaType: parser.mediaType,
    limits: registry.limits,
  });
  const cleaned = cleanExtractedText(parsed.text, parsed.pageStarts);
  if (cleaned.text.trim() === '') {
    throw new AndesError('parse_failed', `"${input.source}" contains no text.`, { details: { source: input.source } });
  }
  if (cleaned.text.length > registry.limits.maxTextCharacters) {
    throw new AndesError(
      'payload_too_large',
      `"${input.source}" holds more than ${registry.limits.maxTextCharacters} characters of text.`,
      {
        details: { source: input.source, maxTextCharacters: registry.limits.maxTextCharacters },
      },
    );
  }
  const warnings: DocumentWarning[] = [
    ...(warning ? [warning] : []),
    ...(parsed.warnings ?? []),
    ...(cleaned.warning ? [cleaned.warning] : []),
  ];
  return {
    source: input.source,
    title: removeInvisibleCharacters(parsed.title ?? '').text.trim() || sourceTitle(input.source),
    mediaType: parser.mediaType,
    text: cleaned.text,
    contentHash: contentHash(input.bytes),
    ...(cleaned.pageStarts ? { pageStarts: cleaned.pageStarts } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
