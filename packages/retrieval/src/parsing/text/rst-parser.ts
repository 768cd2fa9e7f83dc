import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { readTextInput } from '../read-text-input.js';
import { cleanRstMarkup } from './rst-markup.js';
import { structurePlainText } from './structure-plain-text.js';

/** The reStructuredText media type. */
export const rstMediaType = 'text/x-rst';

/**
 * reStructuredText (`.rst`, `.rest`). Section titles become markdown `#` headings at the level their adornment
 * style has in the file (first style met = level 1), so chunks get heading paths as in Markdown; directives, roles
 * and other markup are reduced to readable text (see `cleanRstMarkup`). Title: the first level-1 section title,
 * else the file name.
 */
export const rstParser: DocumentParser = {
  mediaType: rstMediaType,
  extensions: ['.rst', '.rest'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    return structurePlainText(cleanRstMarkup(readTextInput(input)));
  },
};
