import { AndesError, type DocumentWarning } from '@andes-rag/core';
import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { hiddenTextWarning } from '../text/hidden-text-warning.js';
import { pdfMediaType } from '../media-types.js';
import { resolveParseLimits, type ResolvedParseLimits } from '../parse-limits.js';
import { loadPdf, pdfError } from './load-pdf.js';
import { pdfPageLines, type PdfLine } from './pdf-lines.js';
import { layOutPdfText } from './pdf-text-layout.js';

/**
 * PDF (`.pdf`), read from its text layer with pdf.js (`isEvalSupported: false`). Every page keeps its place:
 * pages are joined by a blank line and `pageStarts` records where each begins, so each chunk records its page.
 * Headings are recognised by font size; text too small to see is removed and reported.
 * Title: the document's metadata title, else its first heading. Pages without any text (scans) are reported as
 * a `missing_text_layer` warning; a PDF with no text at all fails as `parse_failed`.
 *
 * @throws AndesError `payload_too_large` over `limits.maxPages` pages or `limits.maxTextCharacters` characters;
 *   `parse_failed` for a broken, truncated or password-protected file.
 */
export const pdfParser: DocumentParser = {
  mediaType: pdfMediaType,
  extensions: ['.pdf'],
  binary: true,
  async parse(input: ParserInput): Promise<ParsedText> {
    const limits = resolveParseLimits(input.limits);
    const task = await loadPdf(input.bytes);
    try {
      const pdf = await task.promise;
      if (pdf.numPages > limits.maxPages) {
        throw new AndesError(
          'payload_too_large',
          `"${input.source}" has ${pdf.numPages} pages; the limit is ${limits.maxPages}.`,
          {
            details: { source: input.source, pages: pdf.numPages, maxPages: limits.maxPages },
          },
        );
      }
      const pages = await readPages(pdf, input.source, limits);
      const { text, pageStarts, firstHeading } = layOutPdfText(pages.lines);
      const title = metadataTitle((await pdf.getMetadata()).info) ?? firstHeading;
      const warnings = pageWarnings(pages.lines, pages.hidden);
      return { text, pageStarts, ...(title ? { title } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
    } catch (error) {
      throw pdfError(input.source, error);
    } finally {
      await task.destroy();
    }
  },
};

type LoadedPdf = Awaited<Awaited<ReturnType<typeof loadPdf>>['promise']>;

async function readPages(
  pdf: LoadedPdf,
  source: string,
  limits: ResolvedParseLimits,
): Promise<{ lines: PdfLine[][]; hidden: string[] }> {
  const lines: PdfLine[][] = [];
  const hidden: string[] = [];
  let characters = 0;
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const pageLines = pdfPageLines(await page.getTextContent());
    page.cleanup();
    lines.push(pageLines.lines);
    hidden.push(...pageLines.hidden);
    characters += pageLines.lines.reduce((sum, line) => sum + line.text.length + 1, 0);
    if (characters > limits.maxTextCharacters) {
      throw new AndesError(
        'payload_too_large',
        `"${source}" holds more than ${limits.maxTextCharacters} characters of text.`,
        {
          details: { source, maxTextCharacters: limits.maxTextCharacters },
        },
      );
    }
  }
  return { lines, hidden };
}

function metadataTitle(info: unknown): string | undefined {
  const title = typeof info === 'object' && info !== null ? (info as Record<string, unknown>)['Title'] : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

function pageWarnings(pages: readonly PdfLine[][], hidden: readonly string[]): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  if (hidden.length > 0) warnings.push(hiddenTextWarning(hidden));
  const empty = pages.flatMap((lines, index) => (lines.length === 0 ? [index + 1] : []));
  if (empty.length > 0 && empty.length < pages.length) {
    const listed =
      empty.length > 10 ? `${empty.slice(0, 10).join(', ')} and ${empty.length - 10} more` : empty.join(', ');
    warnings.push({
      code: 'missing_text_layer',
      message: `${empty.length} of ${pages.length} pages have no text layer (scanned images?) and cannot be searched: page${empty.length === 1 ? '' : 's'} ${listed}.`,
    });
  }
  return warnings;
}
