import { useEffect, useState } from 'react';
import { deleteResource, getJson, segment } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { DocumentPage, DocumentRecord } from '../api/api-types.js';

/** Documents per page. */
const pageSize = 20;

/** Props of {@link DocumentList}. */
export interface DocumentListProps {
  collection: string;
  /** Changes when the list must be read again (after an upload). */
  version: number;
  mayDelete: boolean;
  onChanged: () => void;
}

/** A collection's documents: search, paging, tags, access, parsing warnings and delete (with confirmation). */
export function DocumentList({ collection, version, mayDelete, onChanged }: DocumentListProps) {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DocumentPage | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const parameters = new URLSearchParams({ q: query, offset: String(offset), limit: String(pageSize) });
    getJson<DocumentPage>(`/api/collections/${segment(collection)}/documents?${parameters}`, controller.signal).then(
      (result) => {
        setProblem(undefined);
        setPage({
          documents: result.documents,
          total: result.total ?? result.documents.length,
          offset: result.offset ?? 0,
          limit: result.limit ?? result.documents.length,
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setPage(undefined);
        setProblem(describeError(error));
      },
    );
    return () => controller.abort();
  }, [collection, query, offset, version]);

  const remove = async (document: DocumentRecord) => {
    if (!window.confirm(`Delete ${document.title || document.source} from ${collection}?`)) return;
    try {
      await deleteResource(`/api/collections/${segment(collection)}/documents/${segment(document.id)}`);
      onChanged();
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents in {collection}</h2>
      <div className="row">
        <label htmlFor="document-search">Search documents</label>
        <input
          id="document-search"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOffset(0);
          }}
        />
      </div>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {page && page.documents.length === 0 ? <p className="hint">No documents.</p> : null}
      <ul className="documents">
        {page?.documents.map((document) => (
          <li key={document.id} className="document">
            <div className="document-main">
              <span className="document-title">{document.title || document.source}</span>
              <span className="document-source">{document.source}</span>
              <span className="document-facts">
                {document.chunkCount} chunks · {new Date(document.ingestedAt).toLocaleString()}
                {document.tags?.length ? ` · tags: ${document.tags.join(', ')}` : ''}
                {document.access?.length ? ` · access: ${document.access.join(', ')}` : ' · everyone'}
              </span>
              {document.warnings?.map((warning) => (
                <span key={warning.code} className="warning">
                  {warning.message}
                </span>
              ))}
            </div>
            {mayDelete ? (
              <button
                type="button"
                className="secondary"
                aria-label={`Delete ${document.source}`}
                onClick={() => void remove(document)}
              >
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {page && page.total > pageSize ? (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
            Previous
          </button>
          <span>
            {offset + 1}–{Math.min(offset + pageSize, page.total)} of {page.total}
          </span>
          <button type="button" disabled={offset + pageSize >= page.total} onClick={() => setOffset(offset + pageSize)}>
            Next
          </button>
        </div>
      ) : null}
    </section>
  );
}
