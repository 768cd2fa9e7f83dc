import type { DocumentWarning } from '@andes-rag/core';
import type { ParsedText } from '../document-parser.js';
import { boilerplateWarning } from '../text/boilerplate-warning.js';
import { findElement, textContent, type DomDocument, type DomParent } from './dom-node.js';
import { removeHiddenContent } from './hidden-content.js';
import { htmlToMarkdownText } from './html-to-markdown-text.js';
import { findMainContent } from './main-content.js';
import { countNodeWords } from './node-words.js';
import { pageBody, parseHtmlDocument } from './parse-html-document.js';
import { removeBoilerplate } from './remove-boilerplate.js';

/** How {@link extractHtmlText} reads a page. */
export interface HtmlTextOptions {
  /**
   * Keep only the main content (see `findMainContent`), falling back to the cleaned body when nothing narrower
   * holds most of its text, and report what was left out: right for web pages, wrong for converted documents
   * (DOCX), which are all content.
   */
  mainContent: boolean;
}

/**
 * The text of an HTML page or fragment: hidden text removed (and reported), then scripts, styles, forms,
 * navigation and page furniture, then (optionally) everything but the main content, with a `boilerplate_removed`
 * (or `most_text_removed`) warning counting the words left out. Only the part kept is converted: headings become
 * markdown `#` lines at their level, tables markdown pipe tables. Title: `<title>` (or the first `<h1>` when
 * `<title>` is that heading plus a site name), else the first `<h1>`.
 */
export async function extractHtmlText(html: string, options: HtmlTextOptions): Promise<ParsedText> {
  const document = await parseHtmlDocument(html);
  const title = pageTitle(document);
  const hiddenText = await removeHiddenContent(document);
  const warnings: DocumentWarning[] = hiddenText ? [hiddenText] : [];
  const body = pageBody(document);
  const removedWords = removeBoilerplate(document);
  let root: DomParent = body;
  if (options.mainContent) {
    const bodyWords = countNodeWords(body);
    const main = findMainContent(body, bodyWords);
    root = main.root;
    const warning = boilerplateWarning({ visibleWords: bodyWords + removedWords, keptWords: main.words });
    if (warning) warnings.push(warning);
  }
  const text = htmlToMarkdownText(root);
  return { text, ...(title === '' ? {} : { title }), ...(warnings.length > 0 ? { warnings } : {}) };
}

/** `<title>`, or the first `<h1>` when it is all of `<title>` but a site-name suffix ("Page | Site"). */
function pageTitle(document: DomDocument): string {
  const titleElement = findElement(document, (element) => element.name === 'title');
  const firstHeading = findElement(document, (element) => element.name === 'h1');
  const title = titleElement ? collapse(textContent(titleElement)) : '';
  const heading = firstHeading ? collapse(textContent(firstHeading)) : '';
  if (heading !== '' && title.includes(heading)) return heading;
  return title || heading;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
