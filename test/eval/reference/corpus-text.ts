/**
 * Reads an evaluation corpus as plain text for the reference BM25 and the evidence check: `.txt` as is, `.html`
 * with scripts, styles and tags dropped and entities decoded, its `<title>` kept apart. Deliberately simple: the
 * reference must not share code with what it measures (`packages/retrieval`'s parsers).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** One file of a corpus. */
export interface CorpusDocument {
  /** Path relative to the corpus folder, with forward slashes (what `relevant` entries match). */
  source: string;
  /** The HTML `<title>`; empty for text files. */
  title: string;
  /** The text, without markup. */
  text: string;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  rarr: '→',
  larr: '←',
  copy: '©',
  hellip: '…',
};

/** Decodes numeric entities and the few named ones that documentation HTML uses. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}

/** The title and the visible text of an HTML page. */
export function htmlToText(html: string): { title: string; text: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const body = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return {
    title: decodeEntities(title).replace(/\s+/g, ' ').trim(),
    text: decodeEntities(body).replace(/\s+/g, ' ').trim(),
  };
}

/** One file as a corpus document. */
export async function readCorpusDocument(folder: string, source: string): Promise<CorpusDocument> {
  const content = await readFile(path.join(folder, source), 'utf8');
  if (!/\.html?$/i.test(source)) return { source, title: '', text: content };
  return { source, ...htmlToText(content) };
}

/** Every `.txt` and `.html` file under `folder`, sorted by source. */
export async function readCorpus(folder: string): Promise<CorpusDocument[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const sources = entries
    .filter((entry) => entry.isFile() && /\.(txt|html?)$/i.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  return Promise.all(sources.map((source) => readCorpusDocument(folder, source)));
}
