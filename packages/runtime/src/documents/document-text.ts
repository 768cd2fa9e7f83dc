import type { Chunk, DocumentRecord } from '@andes-rag/core';

/** Where one chunk sits in {@link DocumentText.text}: `text.slice(start, end)` is the passage it was cut from. */
export interface DocumentTextChunk {
  chunkId: string;
  /** Offset of the chunk's first character in `text`. */
  start: number;
  /** Offset one past its last character. */
  end: number;
  /** Headings enclosing the chunk, outermost first. */
  headingPath: string[];
  /** 1-based page, for formats with pages; absent otherwise. */
  page?: number;
}

/** A document's extracted text with its chunks' offsets: what a viewer needs to open a cited passage. */
export interface DocumentText {
  documentId: string;
  source: string;
  title: string;
  mediaType: string;
  /**
   * The text as parsing extracted it, put back together from the stored chunks: every character a chunk covers is
   * exact; whitespace between chunks (not stored) comes back as line breaks of the same length, so offsets hold.
   */
  text: string;
  /** In document order. */
  chunks: DocumentTextChunk[];
}

/**
 * Rebuilds a document's text from its chunks. Andes stores chunks, not the whole text: each chunk records the
 * offsets of the passage it was cut from (`chunk-document.ts`: its text is exactly that slice, except that a chunk
 * starting inside a table has the table's caption and header rows and a line break before it), and together the
 * chunks cover every non-blank character. So each chunk's passage (the end of its text) is written at its offsets;
 * overlapping chunks write the same characters; the gaps, whitespace only, are filled with line breaks.
 */
export function documentTextFromChunks(document: DocumentRecord, chunks: readonly Chunk[]): DocumentText {
  const ordered = [...chunks].sort((left, right) => left.index - right.index);
  const length = ordered.reduce((longest, chunk) => Math.max(longest, chunk.endOffset), 0);
  const characters: string[] = new Array<string>(length).fill('\n');
  for (const chunk of ordered) {
    const span = chunk.endOffset - chunk.startOffset;
    // The passage is the end of the chunk's text (a table chunk's repeated header comes first).
    const passage = chunk.text.length >= span ? chunk.text.slice(chunk.text.length - span) : chunk.text;
    for (let position = 0; position < passage.length; position++) {
      characters[chunk.startOffset + position] = passage[position] as string;
    }
  }
  return {
    documentId: document.id,
    source: document.source,
    title: document.title,
    mediaType: document.mediaType,
    text: characters.join(''),
    chunks: ordered.map((chunk) => ({
      chunkId: chunk.id,
      start: chunk.startOffset,
      end: chunk.endOffset,
      headingPath: chunk.headingPath,
      ...(chunk.page === undefined ? {} : { page: chunk.page }),
    })),
  };
}
