/**
 * Unicode compatibility normalization (NFKC), applied to indexed text and to questions alike: full-width Latin
 * letters and digits common in CJK text (`ＳｗｉＧＬＵ`, `２０２４`) become ASCII, half-width katakana
 * full-width, ligatures (`ﬁ`) letters. Accents are kept here; the FTS5 tokenizer and {@link contentTerms} fold them.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC');
}
