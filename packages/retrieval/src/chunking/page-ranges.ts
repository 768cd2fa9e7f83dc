import type { DocumentSection } from './document-sections.js';

/**
 * Cuts sections where pages start, so that no chunk spans two pages and each can cite one page. Each piece keeps
 * its section's heading path. Without `pageStarts` the sections come back as they are.
 */
export function splitAtPages(sections: readonly DocumentSection[], pageStarts: readonly number[] | undefined): DocumentSection[] {
  if (!pageStarts || pageStarts.length < 2) return [...sections];
  return sections.flatMap((section) => {
    const cuts = pageStarts.filter((start) => start > section.start && start < section.end);
    const bounds = [section.start, ...cuts, section.end];
    return bounds.slice(0, -1).map((start, index) => ({ headingPath: section.headingPath, start, end: bounds[index + 1] as number }));
  });
}

/** The 1-based page holding `offset`, or undefined for a document without pages. */
export function pageNumberAt(pageStarts: readonly number[] | undefined, offset: number): number | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  let low = 0;
  let high = pageStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((pageStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
