import type { Hit } from '@andes/core';

/**
 * One numbered source as the model sees it: `[n] Title > Heading > Subheading (source)`, then the chunk's text.
 * Headings that repeat the title are left out.
 */
export function formatSource(hit: Pick<Hit, 'title' | 'headingPath' | 'source' | 'text'>, n: number): string {
  return `[${n}] ${sourceLabel(hit)} (${hit.source})\n${hit.text}`;
}

/** `Title > Heading > Subheading`, leaving out a first heading that repeats the title. */
export function sourceLabel(hit: Pick<Hit, 'title' | 'headingPath'>): string {
  const path = hit.headingPath.filter((heading, index) => index > 0 || heading.trim().toLowerCase() !== hit.title.trim().toLowerCase());
  return [hit.title, ...path].join(' > ');
}

/** The user message: the numbered sources, then the question. */
export function formatQuestionWithSources(question: string, sources: readonly Pick<Hit, 'title' | 'headingPath' | 'source' | 'text'>[]): string {
  if (sources.length === 0) return `Question: ${question}`;
  const numbered = sources.map((source, index) => formatSource(source, index + 1)).join('\n\n');
  return `Sources:\n\n${numbered}\n\nQuestion: ${question}`;
}
