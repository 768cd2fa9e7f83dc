/** A section title found in structured plain text. */
export interface SectionTitle {
  /** Index of the title's first line (its overline, when it has one). */
  firstLine: number;
  /** Index one past its last line (the underline). */
  endLine: number;
  /** 1 for the first adornment style met, 2 for the second, and so on (at most 6). */
  level: number;
  /** The title's text, trimmed. */
  text: string;
}

/** reStructuredText's adornment characters a title may be under- (and over-)lined with. */
const adornmentCharacters = '=-~^"\'#*+:._`';
const adornmentPattern = new RegExp(`^([${adornmentCharacters.replace(/[\\\]^-]/g, '\\$&')}])\\1{2,}\\s*$`);
/** Longest line taken for a title: past it, the line is a paragraph. */
const maxTitleLength = 120;

/**
 * Finds the section titles of reStructuredText or setext-style plain text: a one-line title directly underlined
 * (`Title` over `=====`), or over- and underlined with the same character, with any of `= - ~ ^ " ' # * + : . _ \``.
 * A title starts the text or follows a blank line, and its underline is at least 3 characters and half the
 * title's length. As in reStructuredText, levels follow the order in which styles first appear: the first style
 * is level 1, and an overlined style differs from the same character underlined only.
 */
export function findSectionTitles(
  lines: readonly string[],
  isSkipped: (line: number) => boolean = () => false,
): SectionTitle[] {
  const titles: SectionTitle[] = [];
  const levels = new Map<string, number>();
  let index = 0;
  while (index < lines.length) {
    const found = isSkipped(index) ? undefined : titleAt(lines, index);
    if (!found) {
      index += 1;
      continue;
    }
    const level = levels.get(found.style) ?? Math.min(6, levels.size + 1);
    levels.set(found.style, level);
    titles.push({ firstLine: index, endLine: found.endLine, level, text: found.text });
    index = found.endLine;
  }
  return titles;
}

function titleAt(
  lines: readonly string[],
  index: number,
): { endLine: number; style: string; text: string } | undefined {
  const line = lines[index] ?? '';
  if (index > 0 && (lines[index - 1] ?? '').trim() !== '') return undefined;
  const overline = adornment(line);
  if (overline !== undefined) {
    const title = (lines[index + 1] ?? '').trim();
    const underline = adornment(lines[index + 2] ?? '');
    if (isTitleText(title) && underline === overline)
      return { endLine: index + 3, style: `over${overline}`, text: title };
    return undefined;
  }
  const title = line.trim();
  const underlineText = (lines[index + 1] ?? '').trim();
  const underline = adornment(underlineText);
  if (underline === undefined || !isTitleText(title) || /^\s/.test(line)) return undefined;
  if (underlineText.length < title.length / 2) return undefined;
  return { endLine: index + 2, style: `under${underline}`, text: title };
}

/** The adornment character of a line made of one repeated adornment character, or undefined. */
function adornment(line: string): string | undefined {
  return adornmentPattern.exec(line.trimEnd())?.[1];
}

function isTitleText(title: string): boolean {
  return title !== '' && title.length <= maxTitleLength && adornment(title) === undefined;
}
