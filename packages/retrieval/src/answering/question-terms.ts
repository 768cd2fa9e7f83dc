const stopwords = new Set(
  ('a about after all also an and any are as at be been but by can could did do does for from had has have how ' +
    'i if in into is it its may me my no not of on or our should so than that the their them then there these they ' +
    'this to up was we were what when where which who why will with would you your').split(' '),
);

/** The distinct content words of a text, lower-cased: letters and digits, stopwords and one-letter words dropped. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].length > 1 && !stopwords.has(match[0])) terms.add(match[0]);
  }
  return terms;
}
