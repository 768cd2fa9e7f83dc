/** One line of a text, with its offsets. */
export interface TextLine {
  /** The line's text, without its line break. */
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Offset one past the line's last character (before the line break). */
  end: number;
}

/** Splits `text` into lines on `\n`, keeping each line's offsets. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(start, end), start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** True for a line with nothing but whitespace. */
export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

const fencePattern = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The fence marker (e.g. "```") when `line` opens or closes a fenced code block, else undefined.
 * A closing fence must use the same character and be at least as long as the opening one.
 */
export function fenceMarker(line: string): string | undefined {
  return fencePattern.exec(line)?.[1];
}

/** True when `line` closes a code block opened with `openingMarker`. */
export function closesFence(line: string, openingMarker: string): boolean {
  const marker = fenceMarker(line);
  return (
    marker !== undefined &&
    marker[0] === openingMarker[0] &&
    marker.length >= openingMarker.length &&
    line.trim() === marker
  );
}
