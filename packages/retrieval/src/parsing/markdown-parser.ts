import { findMarkdownHeadings, frontMatterLineCount } from '../markdown/markdown-headings.js';
import { splitLines } from '../markdown/markdown-lines.js';
import type { DocumentParser, ParsedText, ParserInput } from './document-parser.js';
import { readTextInput } from './read-text-input.js';

/**
 * Markdown (`.md`, `.markdown`). The text is kept as written, so its `#` headings drive chunking.
 * Title: the first level-1 heading, else a front-matter `title:`.
 */
export const markdownParser: DocumentParser = {
  mediaType: 'text/markdown',
  extensions: ['.md', '.markdown'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    const text = readTextInput(input);
    const title = findMarkdownHeadings(text).find((heading) => heading.level === 1)?.text ?? frontMatterTitle(text);
    return title === undefined ? { text } : { text, title };
  },
};

function frontMatterTitle(text: string): string | undefined {
  const lines = splitLines(text);
  const frontMatter = lines.slice(1, Math.max(0, frontMatterLineCount(lines) - 1));
  for (const line of frontMatter) {
    const match = /^title:\s*(.+?)\s*$/.exec(line.text);
    if (match?.[1]) return match[1].replace(/^(["'])(.*)\1$/, '$2');
  }
  return undefined;
}
