import type { MarkdownHeading } from '../markdown/markdown-headings.js';

/** A stretch of a document under one heading path. */
export interface DocumentSection {
  /** Headings enclosing the section, outermost first. */
  headingPath: string[];
  /** Offset of the section's first character (its heading line, if it has one). */
  start: number;
  /** Offset one past its last character. */
  end: number;
}

/**
 * Cuts a text at its headings. Each section runs from a heading to the next one and carries the path of
 * headings enclosing it. A heading directly followed by another heading has no text of its own: its line joins
 * the next section, so "# Guide" / "## Install" / text makes one section under ["Guide", "Install"].
 * Text before the first heading is a section with an empty path, unless it is blank.
 */
export function documentSections(text: string, headings: readonly MarkdownHeading[]): DocumentSection[] {
  const sections: DocumentSection[] = [];
  const firstHeadingStart = headings[0]?.start ?? text.length;
  if (text.slice(0, firstHeadingStart).trim() !== '')
    sections.push({ headingPath: [], start: 0, end: firstHeadingStart });

  const open: MarkdownHeading[] = [];
  let pendingStart: number | undefined;
  headings.forEach((heading, index) => {
    while ((open.at(-1)?.level ?? 0) >= heading.level) open.pop();
    open.push(heading);
    const end = headings[index + 1]?.start ?? text.length;
    const hasText = text.slice(heading.end, end).trim() !== '';
    if (!hasText && index + 1 < headings.length) {
      pendingStart ??= heading.start;
      return;
    }
    sections.push({ headingPath: open.map((enclosing) => enclosing.text), start: pendingStart ?? heading.start, end });
    pendingStart = undefined;
  });
  return sections;
}
