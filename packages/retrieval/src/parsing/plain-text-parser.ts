import type { DocumentParser, ParsedText, ParserInput } from './document-parser.js';
import { readTextInput } from './read-text-input.js';

/** Plain text (`.txt`): the text as it is; the title is the file name. */
export const plainTextParser: DocumentParser = {
  mediaType: 'text/plain',
  extensions: ['.txt'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    return { text: readTextInput(input) };
  },
};
