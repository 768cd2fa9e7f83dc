import type { DocumentSection } from './document-sections.js';

/**
 * Cuts sections where pages start, so that no chunk spans two pages and each can cite one page. Each piece keeps
 * its section's heading path. Without `pageStarts` the sections come back as they are.
 */
export function splitAtPages(
  sections: readonly DocumentSection[],
  pageStarts: readonly number[] | undefined,
): DocumentSection[] {
  if (!pageStarts || pageStarts.length < 2) return [...sections];
  // Sections come in document order, so one pointer walks the page starts once: linear in sections + pages.
  let page = 0;
  return sections.flatMap((section) => {
    while (page < pageStarts.length && (pageStarts[page] as number) <= section.start) page += 1;
    const bounds = [section.start];
    for (let cut = page; cut < pageStarts.length && (pageStarts[cut] as number) < section.end; cut += 1)
      bounds.push(pageStarts[cut] as number);
    bounds.push(section.end);
    return bounds
      .slice(0, -1)
      .map((start, index) => ({ headingPath: section.headingPath, start, end: bounds[index + 1] as number }));
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
