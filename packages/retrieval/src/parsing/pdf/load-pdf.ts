import { createRequire } from 'node:module';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's data folders (character maps for CJK fonts, metrics of the 14 standard fonts), read from disk. */
const pdfjsFolder = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Starts loading a PDF with pdf.js's legacy (Node) build, configured for untrusted files: `isEvalSupported: false`
 * (CVE-2024-4367: a crafted font could otherwise run JavaScript), no XFA forms, no system fonts, no WebAssembly,
 * nothing fetched over the network. pdf.js is imported on first use: it is large, and only PDF parsing needs it.
 * The caller must `destroy()` the returned task.
 */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    // pdf.js takes ownership of the buffer it is given, and refuses Node Buffers: give it a plain copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: `${pdfjsFolder}/cmaps/`,
    standardFontDataUrl: `${pdfjsFolder}/standard_fonts/`,
    verbosity: VerbosityLevel.ERRORS,
  });
}

/** An AndesError `parse_failed` for a pdf.js failure, in words. */
export function pdfError(source: string, error: unknown): AndesError {
  if (AndesError.isInstance(error)) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  const reason =
    name === 'PasswordException'
      ? 'it is protected by a password'
      : name === 'InvalidPDFException'
        ? `it is not a valid PDF (${detail})`
        : `pdf.js could not read it (${detail})`;
  return new AndesError('parse_failed', `Cannot read "${source}": ${reason}.`, { cause: error, details: { source } });
}
