import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { readTextInput } from '../read-text-input.js';
import type { DomDocument, DomNode } from './dom-node.js';
import { headingLevelAttribute, htmlToMarkdownText } from './html-to-markdown-text.js';
import { removeBoilerplate } from './remove-boilerplate.js';

/**
 * HTML (`.html`, `.htm`), reduced to its main content. The page is parsed by linkedom; navigation, scripts,
 * styles, forms, hidden elements and page-level headers, footers and sidebars are removed; Mozilla Readability
 * then picks the main content. When Readability finds none, the cleaned `<body>` is used. Headings become
 * markdown `#` lines at their original level. Title: `<title>` (or the first `<h1>` when `<title>` is that heading plus a site name), else the first `<h1>`.
 */
export const htmlParser: DocumentParser = {
  mediaType: 'text/html',
  extensions: ['.html', '.htm'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    const document = parseHtmlDocument(readTextInput(input));
    const title = pageTitle(document);
    removeBoilerplate(document);
    for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      heading.setAttribute(headingLevelAttribute, heading.localName.slice(1));
    }
    const bodyText = document.body ? htmlToMarkdownText(document.body) : '';
    const text = readableText(document) || bodyText;
    return title === '' ? { text } : { text, title };
  },
};

function parseHtmlDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as DomDocument;
}

/** The main content as Readability sees it, or `''`. Readability rewrites the document, so it runs last. */
function readableText(document: DomDocument): string {
  const article = new Readability<DomNode>(document as never, { serializer: (node) => node as DomNode }).parse();
  return article?.content ? htmlToMarkdownText(article.content) : '';
}

/** `<title>`, or the first `<h1>` when it is all of `<title>` but a site-name suffix ("Page | Site"). */
function pageTitle(document: DomDocument): string {
  const titleElement = collapse(document.querySelector('title')?.textContent);
  const firstHeading = collapse(document.querySelector('h1')?.textContent);
  if (firstHeading !== '' && titleElement.includes(firstHeading)) return firstHeading;
  return titleElement || firstHeading;
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
