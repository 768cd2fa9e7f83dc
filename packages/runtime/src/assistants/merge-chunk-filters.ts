import type { ChunkFilter } from '@andes-rag/core';

/**
 * A filter no looser than either: what an assistant restricts itself to, and what the caller may read. Media
 * types and document ids are intersected; of two source prefixes the longer is kept when one contains the other,
 * otherwise nothing matches. Tags are any-of within one filter, so two tag lists are intersected: stricter than
 * "both filters pass" (a document tagged `a` and `c` fails `[a, b]` ∩ `[b, c]`), never looser.
 */
export function mergeChunkFilters(
  first: ChunkFilter | undefined,
  second: ChunkFilter | undefined,
): ChunkFilter | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  const merged: ChunkFilter = { ...first, ...second };
  const prefix = mergePrefixes(first.sourcePrefix, second.sourcePrefix);
  if (prefix === null) return { ...merged, documentIds: [] };
  if (prefix !== undefined) merged.sourcePrefix = prefix;
  for (const field of ['mediaTypes', 'documentIds', 'tags'] as const) {
    const [a, b] = [first[field], second[field]];
    if (a !== undefined && b !== undefined) merged[field] = a.filter((value) => b.includes(value));
  }
  return merged;
}

/** The prefix both allow, undefined when neither sets one, null when they exclude each other. */
function mergePrefixes(first: string | undefined, second: string | undefined): string | undefined | null {
  if (first === undefined) return second;
  if (second === undefined) return first;
  if (first.startsWith(second)) return first;
  if (second.startsWith(first)) return second;
  return null;
}
