/**
 * The reference every evaluation set's default configuration must beat: a plain BM25 written here in a few
 * lines, on fixed 200-unit chunks (a unit is a whitespace-separated word, or one CJK character), the HTML page
 * title prefixed to every chunk, no stopword list, no stemming, k1 1.2, b 0.75, 40 chunks per question.
 * Terms are lower-cased letter-and-digit words; a run of CJK characters (Han, kana, Hangul) becomes its
 * overlapping character bigrams (a lone character stays a unigram), the usual CJK analysis of search engines
 * without a dictionary.
 */
import type { RetrievedChunk } from '@andes-rag/evaluation';
import type { CorpusDocument } from './corpus-text.js';

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const cjkRun = new RegExp(`[${cjk}]+|[^${cjk}]+`, 'gu');
const isCjk = new RegExp(`^[${cjk}]`, 'u');
const unitPattern = new RegExp(`[${cjk}]|[^\\s${cjk}]+`, 'gu');

/** The reference's terms of a text: lower-cased words, CJK runs as character bigrams. */
export function referenceTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    for (const part of word.match(cjkRun) ?? []) {
      if (!isCjk.test(part)) terms.push(part);
      else {
        const characters = [...part];
        if (characters.length === 1) terms.push(part);
        for (let index = 0; index + 1 < characters.length; index += 1)
          terms.push(`${characters[index]}${characters[index + 1]}`);
      }
    }
  }
  return terms;
}

/** The text cut into pieces of `size` units (words, or single CJK characters), keeping the text between them. */
export function referenceChunks(text: string, size = 200): string[] {
  const units = [...text.matchAll(unitPattern)];
  const chunks: string[] = [];
  for (let start = 0; start < units.length; start += size) {
    const first = units[start];
    const last = units[Math.min(start + size, units.length) - 1];
    if (first?.index !== undefined && last?.index !== undefined)
      chunks.push(text.slice(first.index, last.index + last[0].length));
  }
  return chunks;
}

/** A plain BM25 over `documents`: returns each question's best 40 chunks as sources, best first. */
export function plainBm25(documents: readonly CorpusDocument[]): (question: string) => Promise<RetrievedChunk[]> {
  const chunks: Array<{ source: string; length: number }> = [];
  const postings = new Map<string, Array<{ chunk: number; frequency: number }>>();
  for (const document of documents) {
    for (const piece of referenceChunks(document.text)) {
      const terms = referenceTerms(`${document.title} ${piece}`);
      const frequencies = new Map<string, number>();
      for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      for (const [term, frequency] of frequencies) {
        const list = postings.get(term) ?? [];
        list.push({ chunk: chunks.length, frequency });
        postings.set(term, list);
      }
      chunks.push({ source: document.source, length: terms.length });
    }
  }
  const averageLength = chunks.reduce((sum, chunk) => sum + chunk.length, 0) / Math.max(1, chunks.length);
  const [k1, b] = [1.2, 0.75];
  return async (question) => {
    const scores = new Map<number, number>();
    for (const term of referenceTerms(question)) {
      const list = postings.get(term) ?? [];
      const idf = Math.log(1 + (chunks.length - list.length + 0.5) / (list.length + 0.5));
      for (const { chunk, frequency } of list) {
        const length = chunks[chunk]?.length ?? 0;
        const score = (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / averageLength));
        scores.set(chunk, (scores.get(chunk) ?? 0) + score);
      }
    }
    const ranked = [...scores].sort((left, right) => right[1] - left[1]).slice(0, 40);
    return ranked.map(([chunk]) => ({ source: chunks[chunk]?.source ?? '' }));
  };
}
