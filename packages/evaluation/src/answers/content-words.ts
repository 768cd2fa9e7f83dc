import { contentTerms } from '@andes-rag/text-analysis';

/**
 * The distinct content terms of a text, compared between an answer's sentence and the chunk it cites:
 * `contentTerms` of `@andes-rag/text-analysis`, the analyser retrieval uses. Lower-cased words without accents,
 * stopwords and one-character words, inflections removed (`tax` and `taxes` are one term); Chinese, Japanese and
 * Korean text as character pairs without function words.
 */
export function contentWords(text: string): Set<string> {
  return contentTerms(text);
}
