/** Common English function words, ignored when comparing a sentence with its source. */
const stopwords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of ' +
    'off on once only or other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

/**
 * The distinct content words of a text: lower-cased runs of letters and digits, without stopwords and without
 * one-character words. No stemming: `tax` and `taxes` differ.
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length > 1 && !stopwords.has(word)) words.add(word);
  }
  return words;
}
