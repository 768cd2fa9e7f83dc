import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { readTextInput } from '../read-text-input.js';
import { declaredCharset } from './declared-charset.js';
import { extractHtmlText } from './extract-html-text.js';

/**
 * HTML (`.html`, `.htm`), reduced to its main content. The bytes are decoded as their `<meta charset>` says when
 * they are not UTF-8. The page is parsed by htmlparser2; hidden text (reported as a `hidden_text` warning),
 * navigation, scripts, styles, forms and page-level headers, footers and sidebars are removed; then the page's own
 * `<main>` (or `<article>`) is kept when it holds most of the text, else the body without its menus, link lists and
 * other furniture blocks (see `findMainContent`); the words left out are counted in a `boilerplate_removed` warning. Headings
 * become markdown `#` lines at their original level, tables markdown pipe tables with their caption.
 */
export const htmlParser: DocumentParser = {
  mediaType: 'text/html',
  extensions: ['.html', '.htm'],
  binary: false,
  parse(input: ParserInput): Promise<ParsedText> {
    return extractHtmlText(readTextInput(input, declaredCharset(input.bytes)), { mainContent: true });
  },
};
