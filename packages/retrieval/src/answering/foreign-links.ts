/** An answer's text with the links and images no source contained taken out. */
export interface GuardedText {
  text: string;
  /** The URLs taken out, in order of appearance. */
  removed: string[];
}

// Markdown images `![alt](url "title")`, links `[text](url)`, autolinks `<scheme:...>`, and bare URLs.
const markdownImage = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/gu;
const markdownLink = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/gu;
const autolink = /<((?:[a-z][a-z0-9+.-]*):[^\s<>]+)>/giu;
const bareUrl = /\b(?:https?|ftp|file|data|javascript):[^\s<>()"'`]+|\bwww\.[^\s<>()"'`]+/giu;

/**
 * Removes from `text` every link and image whose URL appears in none of `allowedTexts` (the passages the model was
 * shown), so an answer cannot carry data out through a URL a document told the model to build (OWASP LLM01: an
 * image the reader's browser loads, a link with the conversation in its query). An image is removed whole, a link
 * keeps its text, a bare URL becomes `[link removed]`. Works line by line: a link never spans lines, so the same
 * guard can run on streamed text a line at a time (see {@link ForeignLinkGate}).
 */
export function removeForeignLinks(text: string, allowedTexts: readonly string[]): GuardedText {
  const removed: string[] = [];
  const allowed = (url: string) => allowedTexts.some((passage) => passage.includes(trimTrailingPunctuation(url)));
  const lines = text.split('\n').map((line) =>
    line
      .replace(markdownImage, (whole, _alt: string, url: string) => (allowed(url) ? whole : remove(url, '')))
      .replace(markdownLink, (whole, label: string, url: string) => (allowed(url) ? whole : remove(url, label)))
      .replace(autolink, (whole, url: string) => (allowed(url) ? whole : remove(url, '[link removed]')))
      .replace(bareUrl, (url: string) => (allowed(url) ? url : remove(url, '[link removed]'))),
  );
  return { text: lines.join('\n'), removed };

  function remove(url: string, replacement: string): string {
    removed.push(url);
    return replacement;
  }
}

/** A URL without the sentence punctuation that follows it in prose (`see https://a.example/x.`). */
function trimTrailingPunctuation(url: string): string {
  return url.replace(/[.,;:!?]+$/u, '');
}

/** The beginning of an autolink or a bare URL. */
const urlStart = /<[a-z][a-z0-9+.-]*:|(?:https?|ftp|file|data|javascript):|www\./iu;
/** A trailing piece that could still grow into a link or URL start: `!`, `<htt`, `http:/`, `ww`, a word. */
const partialStart = /(?:!|<[a-z0-9+.-]*|[a-z0-9+.-]+:?\/?)$/iu;

/**
 * {@link removeForeignLinks} for streamed text: passes text on at once up to anything that may be (or grow into) a
 * link, image or URL, holds that back until its line ends (or the stream does), guards it, and passes it on. Text
 * is held from the start of a word, so the guard sees the same boundaries as on the whole text: the streamed pieces
 * joined equal the guarded whole text.
 */
export class ForeignLinkGate {
  private held = '';
  readonly removed: string[] = [];

  constructor(
    private readonly allowedTexts: readonly string[],
    private readonly onText: (text: string) => void,
  ) {}

  /** Takes the next piece of generated text. */
  push(piece: string): void {
    this.held += piece;
    const lineEnd = this.held.lastIndexOf('\n');
    if (lineEnd >= 0) {
      this.emit(this.guard(this.held.slice(0, lineEnd + 1)));
      this.held = this.held.slice(lineEnd + 1);
    }
    const safeEnd = safePrefixEnd(this.held);
    this.emit(this.held.slice(0, safeEnd));
    this.held = this.held.slice(safeEnd);
  }

  /** Guards and passes on what is held back; call once the generation has ended. */
  end(): void {
    this.emit(this.guard(this.held));
    this.held = '';
  }

  private guard(text: string): string {
    const guarded = removeForeignLinks(text, this.allowedTexts);
    this.removed.push(...guarded.removed);
    return guarded.text;
  }

  private emit(text: string): void {
    if (text !== '') this.onText(text);
  }
}

/** How much of one unfinished line can be passed on unguarded: everything before a possible link, image or URL. */
function safePrefixEnd(line: string): number {
  let end = urlStart.exec(line)?.index ?? line.length;
  for (let open = line.indexOf('['); open >= 0 && open < end; open = line.indexOf('[', open + 1)) {
    const close = line.indexOf(']', open + 1);
    if (close < 0 || close === line.length - 1 || line[close + 1] === '(') {
      end = line[open - 1] === '!' ? open - 1 : open;
      break;
    }
  }
  const partial = partialStart.exec(line.slice(0, end));
  if (partial && partial.index + partial[0].length === end) end = partial.index;
  return wordStart(line, end);
}

/** `index` moved back to the start of the word it is in. */
function wordStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && /[\p{L}\p{N}_]/u.test(text[start - 1] ?? '')) start -= 1;
  return start;
}
