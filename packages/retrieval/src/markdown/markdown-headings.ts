import { stripInlineMarkdown } from './inline-markdown.js';
import { closesFence, fenceMarker, isBlankLine, splitLines, type TextLine } from './markdown-lines.js';

/** A markdown heading found in a text. */
export interface MarkdownHeading {
  /** 1 for `#` (or a `===` underline), up to 6. */
  level: number;
  /** The heading's text, without `#` markers or inline markdown. */
  text: string;
  /** Offset of the heading's first line. */
  start: number;
  /** Offset one past the heading's last line (its underline, for setext headings), line break excluded. */
  end: number;
}

const atxHeadingPattern = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderlinePattern = /^ {0,3}(=+|-+)[ \t]*$/;
const notParagraphPattern = /^(?: {4}|\t| {0,3}(?:[-*+>|]|\d+[.)])(?:\s|$))/;

/**
 * Finds the ATX (`## Title`) and setext (`Title` over `===` or `---`) headings of a markdown text, in order.
 * Lines inside fenced code blocks and a leading YAML front-matter block are never headings, so a shell
 * comment (`# install`) in a code sample does not open a section. A setext underline counts only under a
 * one-line paragraph, so a `---` rule after a longer paragraph stays a rule.
 */
export function findMarkdownHeadings(text: string): MarkdownHeading[] {
  const lines = splitLines(text);
  const headings: MarkdownHeading[] = [];
  let index = frontMatterLineCount(lines);
  let openFence: string | undefined;
  while (index < lines.length) {
    const line = lines[index] as TextLine;
    index += 1;
    if (openFence !== undefined) {
      if (closesFence(line.text, openFence)) openFence = undefined;
      continue;
    }
    openFence = fenceMarker(line.text);
    if (openFence !== undefined) continue;
    const atx = atxHeadingPattern.exec(line.text);
    if (atx) {
      const headingText = stripInlineMarkdown(atx[2] ?? '');
      if (headingText !== '')
        headings.push({ level: atx[1]?.length ?? 1, text: headingText, start: line.start, end: line.end });
      continue;
    }
    const underline = lines[index];
    const previous = lines[index - 2];
    const startsParagraph =
      previous === undefined || isBlankLine(previous.text) || atxHeadingPattern.test(previous.text);
    if (underline && startsParagraph && isSetextHeadingText(line.text)) {
      const marker = setextUnderlinePattern.exec(underline.text)?.[1];
      if (marker !== undefined) {
        headings.push({
          level: marker.startsWith('=') ? 1 : 2,
          text: stripInlineMarkdown(line.text),
          start: line.start,
          end: underline.end,
        });
        index += 1;
      }
    }
  }
  return headings;
}

function isSetextHeadingText(line: string): boolean {
  return !isBlankLine(line) && !notParagraphPattern.test(line) && fenceMarker(line) === undefined;
}

/** Number of lines taken by a YAML front-matter block (`---` ... `---`) at the very start, or 0. */
export function frontMatterLineCount(lines: TextLine[]): number {
  if (lines[0]?.text.trimEnd() !== '---') return 0;
  for (let index = 1; index < lines.length; index += 1) {
    const line = (lines[index] as TextLine).text.trimEnd();
    if (line === '---' || line === '...') return index + 1;
  }
  return 0;
}
