import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParsedText } from '../document-parser.js';
import type { DomDocument, DomNode } from './dom-node.js';
import { removeHiddenContent } from './hidden-content.js';
import { headingLevelAttribute, htmlToMarkdownText } from './html-to-markdown-text.js';
import { removeBoilerplate } from './remove-boilerplate.js';

/** How {@link extractHtmlText} reads a page. */
export interface HtmlTextOptions {
  /**
   * Keep only the main content as Mozilla Readability sees it (falling back to the cleaned body when it finds
   * none): right for web pages, wrong for converted documents (DOCX), which are all content.
   */
  mainContent: boolean;
}

/**
 * The text of an HTML page or fragment: hidden text removed (and reported), then scripts, styles, forms,
 * navigation and page furniture, then (optionally) everything but the main content. Headings become markdown `#`
 * lines at their original level, tables markdown pipe tables. Title: `<title>` (or the first `<h1>` when
 * `<title>` is that heading plus a site name), else the first `<h1>`.
 */
export function extractHtmlText(html: string, options: HtmlTextOptions): ParsedText {
  const document = parseHtmlDocument(html);
  const title = pageTitle(document);
  const hiddenText = removeHiddenContent(document);
  removeBoilerplate(document);
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    heading.setAttribute(headingLevelAttribute, heading.localName.slice(1));
  }
  const bodyText = document.body ? htmlToMarkdownText(document.body) : '';
  const text = (options.mainContent ? readableText(document) : '') || bodyText;
  return { text, ...(title === '' ? {} : { title }), ...(hiddenText ? { warnings: [hiddenText] } : {}) };
}

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
