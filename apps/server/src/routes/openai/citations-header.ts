import type { Response } from 'express';
import type { Citation } from '@andes-rag/core';

/** The response header that carries a completion's citations: base64 of a JSON array (see {@link citationsHeaderValue}). */
export const citationsHeaderName = 'X-Andes-Citations';
/** The response header with the number of citations the answer has, when the citations header had to leave some out. */
export const citationsTotalHeaderName = 'X-Andes-Citations-Total';
/** Most bytes of the citations header's value; whole citations that do not fit are left out. */
export const maxCitationsHeaderBytes = 8192;

/** What the header says about one citation: where it points, without the cited text. */
export interface CitationsHeaderEntry {
  n: number;
  source: string;
  title: string;
  documentId: string;
  chunkId: string;
  page?: number;
  collection?: string;
}

function entryOf(citation: Citation): CitationsHeaderEntry {
  return {
    n: citation.n,
    source: citation.source,
    title: citation.title,
    documentId: citation.documentId,
    chunkId: citation.chunkId,
    ...(citation.page === undefined ? {} : { page: citation.page }),
    ...(citation.collection === undefined ? {} : { collection: citation.collection }),
  };
}

/**
 * The citations header's value: base64 (standard alphabet) of the UTF-8 JSON array of {@link CitationsHeaderEntry},
 * in the answer's order, with as many whole citations as fit in {@link maxCitationsHeaderBytes}. Also returns how
 * many were left out.
 */
export function citationsHeaderValue(citations: readonly Citation[]): { value: string; omitted: number } {
  const entries = citations.map(entryOf);
  for (let kept = entries.length; kept >= 0; kept -= 1) {
    const value = Buffer.from(JSON.stringify(entries.slice(0, kept)), 'utf8').toString('base64');
    if (value.length <= maxCitationsHeaderBytes) return { value, omitted: entries.length - kept };
  }
  return { value: Buffer.from('[]').toString('base64'), omitted: entries.length };
}

/** Sets the citations headers on a response that is not yet sent; nothing when the answer has no citations. */
export function setCitationsHeaders(response: Response, citations: readonly Citation[] | undefined): void {
  if (citations === undefined) return;
  const { value, omitted } = citationsHeaderValue(citations);
  response.setHeader(citationsHeaderName, value);
  if (omitted > 0) response.setHeader(citationsTotalHeaderName, String(citations.length));
}

/** The `Sources:` block appended to an answer's text when a request sets `andes_sources_in_content`. */
export function sourcesBlock(citations: readonly Citation[] | undefined): string {
  if (citations === undefined || citations.length === 0) return '';
  const lines = citations.map((citation) => {
    const page = citation.page === undefined ? '' : `, page ${citation.page}`;
    const title = citation.title === '' || citation.title === citation.source ? '' : ` — ${citation.title}`;
    return `[${citation.n}] ${citation.source}${page}${title}`;
  });
  return `\n\nSources:\n${lines.join('\n')}`;
}
