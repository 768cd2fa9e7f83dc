import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

/** What {@link renderMarkdown} may keep. */
export interface RenderMarkdownOptions {
  /**
   * URLs that links and images may point at: those found in the cited passages. A link to any other URL is shown as
   * its text; an image as its description. Default: none, so no link or image is kept.
   */
  allowedUrls?: ReadonlySet<string>;
  /**
   * Whether images (with an allowed URL) are shown at all. Default true. Passages shown on their own pass false: an
   * image a document points at would otherwise be fetched by every reader (a tracking pixel).
   */
  images?: boolean;
}

const urlPattern = /\bhttps?:\/\/[^\s<>"'`)\]]+/g;

/** Every http(s) URL written in `texts` (the passages an answer cites), for {@link RenderMarkdownOptions.allowedUrls}. */
export function urlsIn(texts: readonly string[]): Set<string> {
  const urls = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(urlPattern)) urls.add(match[0].replace(/[.,;:]+$/, ''));
  return urls;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function isAllowed(href: string, allowedUrls: ReadonlySet<string>): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  return allowedUrls.has(href) || allowedUrls.has(href.replace(/\/$/, ''));
}

/** Tags Markdown produces that the page shows; anything else is removed by the sanitizer. */
const allowedTags = [
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
];

/**
 * Renders Markdown (GFM: tables, lists, code) to HTML that is safe to insert: raw HTML in the source is shown as
 * text, links and images survive only when their URL is one of `allowedUrls` (and is http or https), and DOMPurify
 * removes whatever else could run (event handlers, `javascript:` URLs, styles, unknown tags).
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const allowedUrls = options.allowedUrls ?? new Set<string>();
  const marked = new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      link(token: Tokens.Link): string | false {
        const inner = this.parser.parseInline(token.tokens);
        if (!isAllowed(token.href, allowedUrls)) return inner;
        return `<a href="${escapeHtml(token.href)}">${inner}</a>`;
      },
      image(token: Tokens.Image): string | false {
        if (options.images === false || !isAllowed(token.href, allowedUrls)) return escapeHtml(token.text);
        return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
      },
    },
  });
  const html = marked.parse(markdown) as string;
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'align', 'type', 'checked', 'disabled', 'start'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
  });
  return addLinkTargets(clean);
}

/** Kept links open in a new tab and tell the target nothing about the page. */
function addLinkTargets(html: string): string {
  return html.replace(/<a href=/g, '<a target="_blank" rel="noopener noreferrer" href=');
}
