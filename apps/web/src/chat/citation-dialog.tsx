import { useEffect, useRef, useState } from 'react';
import { getJson, segment } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { Citation, DocumentText } from '../api/api-types.js';
import { highlightPassage, type PassageHighlight } from './passage-highlight.js';

/** Props of {@link CitationDialog}. */
export interface CitationDialogProps {
  citation: Citation;
  /** The collection the cited document is in (the citation's own, else the conversation's). */
  collection: string | undefined;
  onClose: () => void;
}

/**
 * A modal dialog with the cited document's text, the cited passage in a `mark` scrolled into view, and its page or
 * heading path. While the document loads, or when it cannot be read, the passage alone is shown (still marked).
 */
export function CitationDialog({ citation, collection, onClose }: CitationDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const [highlight, setHighlight] = useState<PassageHighlight | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  useEffect(() => {
    const name = citation.collection ?? collection;
    if (name === undefined) return;
    const controller = new AbortController();
    getJson<DocumentText>(
      `/api/collections/${segment(name)}/documents/${segment(citation.documentId)}/text`,
      controller.signal,
    ).then(
      (document) => setHighlight(highlightPassage(document, citation)),
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(`The whole document could not be opened: ${describeError(error)}`);
      },
    );
    return () => controller.abort();
  }, [citation, collection]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);

  const headingPath = highlight?.headingPath ?? citation.headingPath;
  const page = highlight?.page ?? citation.page;
  return (
    <dialog ref={dialogRef} className="citation-dialog" aria-labelledby="citation-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="citation-title">
          [{citation.n}] {citation.title || citation.source}
        </h2>
        <button type="button" className="secondary" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </header>
      <p className="dialog-meta">
        <span>{citation.source}</span>
        {page !== undefined ? <span> · page {page}</span> : null}
        {headingPath.length > 0 ? <span> · {headingPath.join(' › ')}</span> : null}
      </p>
      {problem ? <p className="note">{problem}</p> : null}
      <div
        className="document-text"
        tabIndex={0}
        aria-label="Document text"
        aria-busy={highlight === undefined && problem === undefined}
      >
        {highlight ? (
          <>
            {highlight.before}
            <mark ref={markRef}>{highlight.passage}</mark>
            {highlight.after}
          </>
        ) : (
          <mark ref={markRef}>{citation.text}</mark>
        )}
      </div>
    </dialog>
  );
}
