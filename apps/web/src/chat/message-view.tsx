import { useMemo, useState } from 'react';
import type { Citation } from '../api/api-types.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import { urlsIn } from '../markdown/render-markdown.js';
import type { ChatMessage } from './chat-message.js';

/** Props of {@link MessageView}. */
export interface MessageViewProps {
  message: ChatMessage;
  /** Offered on the last answer once it is finished. */
  onRegenerate?: (() => void) | undefined;
  onOpenCitation: (citation: Citation) => void;
  /** Rates a stored answer; absent while it is not stored. */
  onFeedback?: ((rating: 'up' | 'down') => void) | undefined;
}

/** One message: a question as text, an answer as Markdown with its sources, each source a button `[N]`. */
export function MessageView({ message, onRegenerate, onOpenCitation, onFeedback }: MessageViewProps) {
  const [copied, setCopied] = useState(false);
  const allowedUrls = useMemo(() => urlsIn(message.citations.map((citation) => citation.text)), [message.citations]);
  if (message.role === 'user') {
    return (
      <article className="message message-user" aria-label="Question">
        <p className="message-text">{message.content}</p>
      </article>
    );
  }
  const copy = async () => {
    await navigator.clipboard.writeText(message.content);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };
  return (
    <article className="message message-answer" aria-label="Answer" aria-busy={message.status === 'streaming'}>
      {message.mode === 'extractive' ? <p className="badge">Passages (no model configured)</p> : null}
      {message.content === '' && message.status === 'streaming' ? <p className="pending">Thinking…</p> : null}
      <MarkdownView markdown={message.content} allowedUrls={allowedUrls} className="message-text" />
      {message.status === 'stopped' ? <p className="note">Stopped.</p> : null}
      {message.status === 'failed' ? (
        <p className="error" role="alert">
          {message.error}
        </p>
      ) : null}
      {message.citations.length > 0 ? (
        <section className="sources" aria-label="Sources">
          <ol>
            {message.citations.map((citation) => (
              <li key={`${citation.n}-${citation.chunkId}`}>
                <button type="button" className="citation" onClick={() => onOpenCitation(citation)}>
                  [{citation.n}]
                </button>{' '}
                <span className="source-title">{citation.title || citation.source}</span>
                {citation.headingPath.length > 0 ? (
                  <span className="source-path"> · {citation.headingPath.join(' › ')}</span>
                ) : null}
                {citation.documentWarnings?.length ? (
                  <span className="warning"> · {citation.documentWarnings.join(', ').replace(/_/g, ' ')}</span>
                ) : null}
                <details className="passage">
                  <summary>Passage</summary>
                  <MarkdownView markdown={citation.text} allowedUrls={urlsIn([citation.text])} images={false} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {message.status !== 'streaming' ? (
        <div className="message-actions">
          <button type="button" className="link-button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          {onRegenerate ? (
            <button type="button" className="link-button" onClick={onRegenerate}>
              Regenerate
            </button>
          ) : null}
          {onFeedback ? (
            <>
              <button
                type="button"
                className="link-button"
                aria-pressed={message.feedback === 'up'}
                onClick={() => onFeedback('up')}
              >
                Helpful
              </button>
              <button
                type="button"
                className="link-button"
                aria-pressed={message.feedback === 'down'}
                onClick={() => onFeedback('down')}
              >
                Not helpful
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
