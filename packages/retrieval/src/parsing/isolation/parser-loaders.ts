import type { DocumentParser } from '../document-parser.js';
import { docxMediaType, pdfMediaType } from '../media-types.js';

/**
 * How a parser process loads each built-in parser: on first use, so a process started for one PDF never loads
 * the HTML or Word libraries, and starts faster.
 */
export const parserLoaders: ReadonlyMap<string, () => Promise<DocumentParser>> = new Map([
  ['text/markdown', async () => (await import('../markdown-parser.js')).markdownParser],
  ['text/plain', async () => (await import('../plain-text-parser.js')).plainTextParser],
  ['text/html', async () => (await import('../html/html-parser.js')).htmlParser],
  ['text/csv', async () => (await import('../csv/csv-parser.js')).csvParser],
  [pdfMediaType, async () => (await import('../pdf/pdf-parser.js')).pdfParser],
  [docxMediaType, async () => (await import('../docx/docx-parser.js')).docxParser],
]);

/**
 * Loads the built-in parser of `mediaType`: through {@link parserLoaders} when it has one, else from the list of
 * every built-in parser (which loads them all). Undefined when no built-in parser reads it.
 */
export async function loadBuiltInParser(mediaType: string): Promise<DocumentParser | undefined> {
  const load = parserLoaders.get(mediaType);
  if (load) return load();
  const { builtInParsers } = await import('../built-in-parsers.js');
  return builtInParsers.find((parser) => parser.mediaType === mediaType);
}
