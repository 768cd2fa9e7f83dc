import { scriptRuns } from '@andes-rag/text-analysis';

/**
 * The start of `text` up to its `maxWords`-th word, and whether anything was cut. Words are separated by
 * whitespace, except in CJK runs (Chinese, Japanese, Korean), where each character counts as a word: Chinese
 * writes no spaces, so a whole paragraph would otherwise be one word.
 */
export function cutToWords(text: string, maxWords: number): { text: string; cut: boolean } {
  let words = 0;
  let offset = 0;
  for (const run of scriptRuns(text)) {
    const pieces = run.cjk ? [...run.text] : run.text.split(/(?<=\S)(?=\s)/u);
    for (const piece of pieces) {
      if (/\S/u.test(piece)) {
        if (words === maxWords) return { text: text.slice(0, offset).trimEnd(), cut: true };
        words += 1;
      }
      offset += piece.length;
    }
  }
  return { text, cut: false };
}
