import { findSectionTitles, type SectionTitle } from './section-titles.js';

/** How {@link structurePlainText} reads a text. */
export interface PlainTextStructureOptions {
  /**
   * Take a short first line followed by a blank line as the document's title (a level-1 heading, the section
   * titles below it moving one level down) when the text does not start with a section title. Default false.
   */
  titleLine?: boolean;
}

/** Plain text with its section titles written as markdown headings. */
export interface StructuredPlainText {
  /** The text, each section title as one `#` line; other lines starting like a markdown heading get a backslash. */
  text: string;
  /** The document's title (its title line, else its first level-1 section title), when it has one. */
  title?: string;
}

const fenceLine = /^```/;
const headingLike = /^( {0,3})(#{1,6}(?:\s|$))/;
const longestTitleLine = 80;

/**
 * Writes the section titles of reStructuredText or setext-style plain text (see `findSectionTitles`) as markdown
 * `#` headings, so that chunking gives their passages heading paths as it does for Markdown. Lines inside
 * ```` ``` ```` fences are never titles. Any other line that would read as a markdown heading (`# comment`) is
 * escaped with a backslash, so only real titles become headings.
 */
export function structurePlainText(text: string, options: PlainTextStructureOptions = {}): StructuredPlainText {
  const lines = text.split('\n');
  const fenced = fencedLines(lines);
  const titles = findSectionTitles(lines, (line) => fenced.has(line));
  const titleLine = options.titleLine ? findTitleLine(lines, titles) : undefined;
  const starts = new Map(titles.map((title) => [title.firstLine, title]));
  const output: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const title = starts.get(index);
    if (title) {
      output.push(`${'#'.repeat(Math.min(6, title.level + (titleLine === undefined ? 0 : 1)))} ${title.text}`);
      index = title.endLine - 1;
    } else if (index === titleLine) {
      output.push(`# ${line.trim()}`);
    } else {
      output.push(fenced.has(index) ? line : line.replace(headingLike, '$1\\$2'));
    }
  }
  const title =
    titleLine === undefined ? titles.find((candidate) => candidate.level === 1)?.text : lines[titleLine]?.trim();
  return { text: output.join('\n'), ...(title ? { title } : {}) };
}

/**
 * The index of the text's title line: its first non-blank line when that is short, does not end like a sentence
 * part (`.`, `,`, `;`, `:`), is followed by a blank line and then more text, and is not itself a section title.
 */
function findTitleLine(lines: readonly string[], titles: readonly SectionTitle[]): number | undefined {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1 || titles[0]?.firstLine === first) return undefined;
  const line = (lines[first] ?? '').trim();
  if (line.length > longestTitleLine || /[.,;:]$/.test(line) || /^\s/.test(lines[first] ?? '')) return undefined;
  if ((lines[first + 1] ?? '').trim() !== '') return undefined;
  return lines.slice(first + 2).some((rest) => rest.trim() !== '') ? first : undefined;
}

/** Indexes of the lines of ```` ``` ```` fenced blocks, fence lines included. */
function fencedLines(lines: readonly string[]): Set<number> {
  const fenced = new Set<number>();
  let open = false;
  lines.forEach((line, index) => {
    if (fenceLine.test(line)) {
      fenced.add(index);
      open = !open;
    } else if (open) {
      fenced.add(index);
    }
  });
  return fenced;
}
