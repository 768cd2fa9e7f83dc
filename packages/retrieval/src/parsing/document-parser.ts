import type { DocumentWarning } from '@andes-rag/core';
import type { ParseLimits } from './parse-limits.js';

/** What a parser receives: one file. */
export interface ParserInput {
  /** The document's source path or file name, for titles and error messages. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** The media type the file was recognised as (one of the parser's). */
  mediaType: string;
  /** Bounds the parser must respect (pages, inflated size, text length). Default: {@link defaultParseLimits}. */
  limits?: ParseLimits;
}

/** What a parser extracts from a file. */
export interface ParsedText {
  /**
   * The document's plain text, with headings as markdown `#` lines and tables as markdown pipe tables (header row,
   * `| --- |` delimiter row, one line per row, caption on the line above) where the format has them.
   */
  text: string;
  /** The title the file itself gives (first `# ` heading, `<title>`, PDF metadata), when it gives one. */
  title?: string;
  /** For paged formats: the offset in `text` where each page starts, page 1 first. */
  pageStarts?: number[];
  /** What the parser removed or noticed (hidden text, pages without text). */
  warnings?: DocumentWarning[];
}

/**
 * Turns the bytes of one file format into text. Parsers are registered by media type in a
 * {@link ParserRegistry}; custom parsers slot in the same way as the built-in ones.
 */
export interface DocumentParser {
  /** The media type it reads, e.g. `text/markdown`. */
  readonly mediaType: string;
  /** Lower-case file extensions, with the dot, that mean this type (e.g. `['.md', '.markdown']`). */
  readonly extensions: readonly string[];
  /**
   * True for binary formats (PDF, DOCX). Text parsers get only bytes that decode as text (UTF-8, UTF-16 with a
   * byte-order mark, or an encoding chardet detects: see `decodeText`; read them with `readTextInput`);
   * a binary parser gets any bytes and must reject a file that is not its format with `parse_failed`.
   */
  readonly binary: boolean;
  /** Extracts the text; throws an AndesError `parse_failed` when the file cannot be read. */
  parse(input: ParserInput): ParsedText | Promise<ParsedText>;
  /** Releases what the parser holds (parser processes). Called by {@link ParserRegistry.close}. */
  close?(): Promise<void>;
}
