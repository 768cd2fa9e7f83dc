/** What a parser receives: one file. */
export interface ParserInput {
  /** The document's source path or file name, for titles and error messages. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** The media type the file was recognised as (one of the parser's). */
  mediaType: string;
}

/** What a parser extracts from a file. */
export interface ParsedText {
  /** The document's plain text, with headings as markdown `#` lines where the format has headings. */
  text: string;
  /** The title the file itself gives (first `# ` heading, `<title>`), when it gives one. */
  title?: string;
}

/**
 * Turns the bytes of one file format into text. Parsers are registered by media type in a
 * {@link ParserRegistry}; PDF, DOCX or CSV parsers slot in the same way as the built-in ones.
 */
export interface DocumentParser {
  /** The media type it reads, e.g. `text/markdown`. */
  readonly mediaType: string;
  /** Lower-case file extensions, with the dot, that mean this type (e.g. `['.md', '.markdown']`). */
  readonly extensions: readonly string[];
  /**
   * True for binary formats (PDF, DOCX). Text parsers get only valid UTF-8 without NUL bytes;
   * a binary parser gets any bytes and must reject a file that is not its format with `parse_failed`.
   */
  readonly binary: boolean;
  /** Extracts the text; throws an AndesError `parse_failed` when the file cannot be read. */
  parse(input: ParserInput): ParsedText | Promise<ParsedText>;
}
