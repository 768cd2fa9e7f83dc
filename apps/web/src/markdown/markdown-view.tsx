import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.js';

/** Props of {@link MarkdownView}. */
export interface MarkdownViewProps {
  markdown: string;
  /** URLs links and images may point at (see `renderMarkdown`). Default: none. */
  allowedUrls?: ReadonlySet<string>;
  /** Show images with allowed URLs (see `renderMarkdown`). Default true. */
  images?: boolean;
  className?: string;
}

/** Markdown shown as sanitized HTML (`renderMarkdown`): the one place the app inserts HTML. */
export function MarkdownView({ markdown, allowedUrls, images = true, className }: MarkdownViewProps) {
  const html = useMemo(
    () => renderMarkdown(markdown, { images, ...(allowedUrls === undefined ? {} : { allowedUrls }) }),
    [markdown, allowedUrls, images],
  );
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
