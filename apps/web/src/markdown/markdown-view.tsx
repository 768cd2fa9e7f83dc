import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.js';

/** Props of {@link MarkdownView}. */
export interface MarkdownViewProps {
  markdown: string;
  /** URLs links and images may point at (see `renderMarkdown`). Default: none. */
  allowedUrls?: ReadonlySet<string>;
  className?: string;
}

/** Markdown shown as sanitized HTML (`renderMarkdown`): the one place the app inserts HTML. */
export function MarkdownView({ markdown, allowedUrls, className }: MarkdownViewProps) {
  const html = useMemo(
    () => renderMarkdown(markdown, allowedUrls === undefined ? {} : { allowedUrls }),
    [markdown, allowedUrls],
  );
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
