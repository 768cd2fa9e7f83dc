import { AndesError } from '@andes/core';
import { decodeUtf8Text } from './binary-content.js';
import type { ParserInput } from './document-parser.js';

/** The input's bytes as text, line breaks normalised to `\n`. Throws `parse_failed` when they are not UTF-8. */
export function readTextInput(input: ParserInput): string {
  const text = decodeUtf8Text(input.bytes);
  if (text === undefined) {
    throw new AndesError('parse_failed', `"${input.source}" is not UTF-8 text.`, { details: { source: input.source } });
  }
  return text.replace(/\r\n?/g, '\n');
}
