import type { ChunkDraft, SourceDocument } from '@andes-rag/core';
import { findMarkdownHeadings } from '../markdown/markdown-headings.js';
import { resolveChunkOptions, type ChunkOptions } from './chunk-options.js';
import { documentSections } from './document-sections.js';
import { packUnits } from './pack-units.js';
import { pageNumberAt, splitAtPages } from './page-ranges.js';
import { findTables } from './table-blocks.js';
import { textBlocks } from './text-blocks.js';
import { textUnits } from './text-units.js';

/**
 * Splits a document into chunks along its structure: first at markdown headings (each chunk records the heading
 * path it sits under, outermost first) and page breaks (each chunk records its page), then at paragraphs and
 * table rows, then at sentences, to about {@link ChunkOptions.targetWords} words, with a small overlap where a
 * paragraph is cut. A markdown table stays with its caption; a chunk that starts inside a table begins with the
 * table's caption and header row.
 *
 * Every chunk covers `document.text.slice(startOffset, endOffset)`, trimmed of surrounding whitespace, and its
 * `text` is exactly that slice, except that a chunk starting inside a table has the table's caption, header and
 * delimiter rows and a line break before it. Together the chunks cover every non-blank character of the text.
 *
 * @throws AndesError `invalid_request` for impossible sizes.
 */
export function chunkDocument(
  document: Pick<SourceDocument, 'text' | 'mediaType'> & Partial<Pick<SourceDocument, 'pageStarts'>>,
  options: ChunkOptions = {},
): ChunkDraft[] {
  const resolved = resolveChunkOptions(options);
  const { text, pageStarts } = document;
  // Plain text arrives with its section titles already written as `#` headings by its parser (other `#` lines
  // escaped), so headings count for every type; markdown tables only where the format has them.
  const structured = options.markdownHeadings ?? document.mediaType !== 'text/plain';
  const headings = (options.markdownHeadings ?? true) ? findMarkdownHeadings(text) : [];
  const headingEnds = new Map(headings.map((heading) => [heading.start, heading.end]));
  const chunks: ChunkDraft[] = [];
  for (const section of splitAtPages(documentSections(text, headings), pageStarts)) {
    const blocks = textBlocks(text, section.start, section.end, headingEnds);
    const units = textUnits(text, structured ? findTables(text, blocks) : blocks, resolved.targetWords);
    for (const range of packUnits(units, resolved)) {
      const slice = text.slice(range.start, range.end);
      const chunk: ChunkDraft = {
        index: chunks.length,
        text: range.header ? `${text.slice(range.header.start, range.header.end)}\n${slice}` : slice,
        headingPath: [...section.headingPath],
        startOffset: range.start,
        endOffset: range.end,
      };
      const page = pageNumberAt(pageStarts, range.start);
      if (page !== undefined) chunk.page = page;
      chunks.push(chunk);
    }
  }
  return chunks;
}
