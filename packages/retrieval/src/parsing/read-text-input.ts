import { AndesError } from '@andes-rag/core';
import type { ParserInput } from './document-parser.js';
import { decodeText } from './text/decode-text.js';

/**
 * The input's bytes as text, line breaks normalised to `\n`: decoded from UTF-8, UTF-16 with a byte-order mark, or
 * the encoding the file declares or chardet detects (see `decodeText`). Throws `parse_failed` when they are not text.
 *
 * @param declaredEncoding An encoding the file itself names (an HTML `<meta charset>`), tried when the bytes are not UTF-8.
 */
export function readTextInput(input: ParserInput, declaredEncoding?: string): string {
  const decoded = decodeText(input.bytes, declaredEncoding === undefined ? {} : { declaredEncoding });
  if (decoded === undefined) {
    throw new AndesError('parse_failed', `"${input.source}" is not text in an encoding Andes recognises.`, {
      details: { source: input.source },
    });
  }
  return decoded.text.replace(/\r\n?/g, '\n');
}
