import type { ChunkDraft, SourceDocument } from '@andes/core';
import { findMarkdownHeadings } from '../markdown/markdown-headings.js';
import { resolveChunkOptions, type ChunkOptions } from './chunk-options.js';
import { documentSections } from './document-sections.js';
import { packUnits } from './pack-units.js';
import { textBlocks } from './text-blocks.js';
import { textUnits } from './text-units.js';

/**
 * Splits a document into chunks along its structure: first at markdown headings (each chunk records the heading
 * path it sits under, outermost first), then at paragraphs, then at sentences, to about
 * {@link ChunkOptions.targetWords} words, with a small overlap where a paragraph is cut.
 *
 * Every chunk's `text` is exactly `document.text.slice(startOffset, endOffset)`, trimmed of surrounding
 * whitespace; together the chunks cover every non-blank character of the text.
 *
 * @throws AndesError `invalid_request` for impossible sizes.
 */
export function chunkDocument(document: Pick<SourceDocument, 'text' | 'mediaType'>, options: ChunkOptions = {}): ChunkDraft[] {
  const resolved = resolveChunkOptions(options);
  const { text } = document;
  const useHeadings = options.markdownHeadings ?? document.mediaType !== 'text/plain';
  const headings = useHeadings ? findMarkdownHeadings(text) : [];
  const chunks: ChunkDraft[] = [];
  for (const section of documentSections(text, headings)) {
    const units = textUnits(text, textBlocks(text, section.start, section.end, headings), resolved.targetWords);
    for (const range of packUnits(units, resolved)) {
      chunks.push({
        index: chunks.length,
        text: text.slice(range.start, range.end),
        headingPath: [...section.headingPath],
        startOffset: range.start,
        endOffset: range.end,
      });
    }
  }
  return chunks;
}
