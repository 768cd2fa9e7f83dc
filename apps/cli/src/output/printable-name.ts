/** Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides and isolates. */
// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const namedEscapes: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

/**
 * A file name made safe to print on a terminal line: control characters, line separators and bidi overrides become
 * visible escapes (`\n`, `\u001b`), and backslashes are doubled so an escape cannot be faked. A name with a newline
 * in it can then no longer start a line of its own in progress output, nor a `\r` or an ANSI sequence overwrite one.
 */
export function printableName(name: string): string {
  return name
    .replaceAll('\\', '\\\\')
    .replace(
      unprintable,
      (character) => namedEscapes[character] ?? `\\u${character.codePointAt(0)?.toString(16).padStart(4, '0') ?? ''}`,
    );
}
