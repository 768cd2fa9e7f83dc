import type { DocumentParser, ParsedText, ParserInput } from './document-parser.js';
import { readTextInput } from './read-text-input.js';
import { structurePlainText } from './text/structure-plain-text.js';

/**
 * Plain text (`.txt`). Setext- and reStructuredText-style section titles (a line underlined, or over- and
 * underlined, with `=`, `-`, `~` and the like) become markdown `#` headings, and a short first line followed by a
 * blank line is the title (a level-1 heading); other lines are kept as written, a line starting like a markdown
 * heading (`# comment`) escaped with a backslash. Title: the title line, else the first level-1 section title,
 * else the file name.
 */
export const plainTextParser: DocumentParser = {
  mediaType: 'text/plain',
  extensions: ['.txt'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    return structurePlainText(readTextInput(input), { titleLine: true });
  },
};
