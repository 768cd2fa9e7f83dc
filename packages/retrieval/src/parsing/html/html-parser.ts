import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { readTextInput } from '../read-text-input.js';
import { extractHtmlText } from './extract-html-text.js';

/**
 * HTML (`.html`, `.htm`), reduced to its main content. The page is parsed by linkedom; hidden text (reported as a
 * `hidden_text` warning), navigation, scripts, styles, forms and page-level headers, footers and sidebars are
 * removed; Mozilla Readability then picks the main content (the cleaned `<body>` when it finds none). Headings
 * become markdown `#` lines at their original level, tables markdown pipe tables with their caption.
 */
export const htmlParser: DocumentParser = {
  mediaType: 'text/html',
  extensions: ['.html', '.htm'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    return extractHtmlText(readTextInput(input), { mainContent: true });
  },
};
