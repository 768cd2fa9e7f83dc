import { AndesError, type DocumentWarning } from '@andes-rag/core';
import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { extractHtmlText } from '../html/extract-html-text.js';
import { captionClass } from '../html/html-table.js';
import { docxMediaType, wordDocumentPart } from '../media-types.js';
import { resolveParseLimits } from '../parse-limits.js';
import { hiddenTextWarning } from '../text/hidden-text-warning.js';
import { ZipArchive } from '../zip/zip-archive.js';
import { decodeXmlEntities, removeHiddenRuns } from './hidden-runs.js';
import { mammothZipFile } from './mammoth-zip-file.js';

/** Word's caption paragraphs become `<p class="andes-caption">`, which the table renderer puts above the table. */
const styleMap = [`p[style-name='Caption'] => p.${captionClass}:fresh`, `p.Caption => p.${captionClass}:fresh`];

/**
 * Word documents (`.docx`). The archive is opened by {@link ZipArchive} (zip-bomb and zip-slip checks, inflation
 * capped at the declared sizes); runs a reader cannot see (hidden, white, under one point) are removed and reported;
 * mammoth converts the rest to HTML (headings from Word's heading styles, tables, lists, captions; images dropped),
 * which then takes the HTML path without main-content extraction. Title: the document properties' title, else
 * the first heading.
 *
 * @throws AndesError `parse_failed` for a file that is not a readable Word document or has unsafe entry names;
 *   `payload_too_large` for an archive over the inflation limits.
 */
export const docxParser: DocumentParser = {
  mediaType: docxMediaType,
  extensions: ['.docx'],
  binary: true,
  async parse(input: ParserInput): Promise<ParsedText> {
    const archive = ZipArchive.open(input.bytes, input.source, resolveParseLimits(input.limits));
    if (!archive.has(wordDocumentPart)) {
      throw new AndesError(
        'parse_failed',
        `Cannot read "${input.source}": it is a ZIP archive but not a Word document (no ${wordDocumentPart}).`,
        {
          details: { source: input.source },
        },
      );
    }
    const hiddenPassages: string[] = [];
    const file = mammothZipFile(archive, (name, text) => {
      if (!/^word\/[^/]+\.xml$/.test(name)) return text;
      const visible = removeHiddenRuns(text);
      hiddenPassages.push(...visible.hiddenPassages);
      return visible.xml;
    });
    const html = await convertToHtml(file, input.source);
    const parsed = await extractHtmlText(html, { mainContent: false });
    const title = documentTitle(archive) ?? parsed.title;
    const warnings: DocumentWarning[] = [
      ...(hiddenPassages.length > 0 ? [hiddenTextWarning(hiddenPassages)] : []),
      ...(parsed.warnings ?? []),
    ];
    return { text: parsed.text, ...(title ? { title } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
  },
};

async function convertToHtml(file: ReturnType<typeof mammothZipFile>, source: string): Promise<string> {
  // Imported on first use: mammoth and its zip and XML libraries are large, and most commands never read Word files.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ file } as never, {
      styleMap,
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    return result.value;
  } catch (error) {
    if (AndesError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AndesError('parse_failed', `Cannot read "${source}": ${reason}`, { cause: error, details: { source } });
  }
}

/** `dc:title` from `docProps/core.xml`, when set. */
function documentTitle(archive: ZipArchive): string | undefined {
  if (!archive.has('docProps/core.xml')) return undefined;
  const xml = new TextDecoder().decode(archive.read('docProps/core.xml'));
  const title = decodeXmlEntities(/<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1] ?? '').trim();
  return title === '' ? undefined : title;
}
