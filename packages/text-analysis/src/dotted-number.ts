/**
 * A dotted number: a version (`3.2.1`, the `3.12` of `v3.12`), a decimal (`2.4`) or an IPv4 address. Not preceded
 * by a digit or a dot, not followed by a digit or by a dot and a digit, so `10.3.2.1` is one number, not `3.2.1`.
 */
const dottedNumber = /(?<![\p{N}.])\d+(?:\.\d+)+(?![\p{N}]|\.\d)/gu;

/** A whole word that is a dotted number, optionally after a `v` (`v3.2.1`). */
const wholeDottedNumber = /^[vV]?(\d+(?:\.\d+)+)$/u;

/**
 * The single index token standing for a dotted number: its digit groups joined by `dot` (`3.2.1` → `3dot2dot1`).
 * FTS5's unicode61 tokenizer splits `3.2.1` into `3`, `2`, `1`, so a phrase query `"3 2 1"` would also match the
 * address `10.3.2.1`; the joined token matches only the same dotted number.
 */
export function dottedNumberToken(number: string): string {
  return number.replaceAll('.', 'dot');
}

/** The text with each dotted number followed by its joined token ({@link dottedNumberToken}): `v3.2.1 3dot2dot1`. */
export function withDottedNumberTokens(text: string): string {
  return text.replace(dottedNumber, (number) => `${number} ${dottedNumberToken(number)}`);
}

/** The dotted number a query word is (`3.2.1`, `v3.2.1` → `3.2.1`), or undefined. */
export function asDottedNumber(word: string): string | undefined {
  return wholeDottedNumber.exec(word)?.[1];
}
