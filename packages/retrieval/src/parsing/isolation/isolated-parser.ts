import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import type { ParserProcessPool } from './parser-process-pool.js';

/**
 * A built-in parser that runs in `pool`'s child processes instead of the caller's thread: same media type,
 * extensions and result; a file that hangs, exhausts memory or crashes the parser fails alone. Closing it closes
 * the pool.
 */
export function isolatedParser(parser: DocumentParser, pool: ParserProcessPool): DocumentParser {
  return {
    mediaType: parser.mediaType,
    extensions: parser.extensions,
    binary: parser.binary,
    parse: (input: ParserInput): Promise<ParsedText> =>
      pool.parse({ source: input.source, mediaType: parser.mediaType, bytes: input.bytes, limits: input.limits ?? {} }),
    close: () => pool.close(),
  };
}
