/** Combining diacritical marks (U+0300-U+036F) left by NFD: folded away, as SQLite's `remove_diacritics 2` does. */
const latinDiacritics = /[\u0300-\u036f]/gu;
/** Anything that is not a letter, a digit or a mark separates tokens (as SQLite FTS5's `unicode61` tokenizer). */
const separators = /[^\p{L}\p{N}\p{M}]+/u;
/** PostgreSQL refuses lexemes of 2 KB or more; a token that long is never a search term. */
const longestLexemeBytes = 2046;

/**
 * The tokens of already analysed text (`analyzeForIndex` or a query term of `@andes-rag/text-analysis`), as the
 * embedded store's FTS5 `unicode61 remove_diacritics 2` tokenizer makes them: split on everything but letters,
 * digits and marks, lower-cased, Latin accents folded. Done here rather than by a PostgreSQL text-search
 * configuration so that both stores index the same terms whatever the server's locale (CJK characters included).
 */
export function lexemes(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(latinDiacritics, '')
    .normalize('NFC')
    .split(separators)
    .filter((token) => token.length > 0 && Buffer.byteLength(token) <= longestLexemeBytes);
}

/** A lexeme as a quoted `tsvector`/`tsquery` literal: in single quotes, with `'` and `\` escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
