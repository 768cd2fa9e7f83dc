import type { ChunkFilter } from '@andes-rag/core';
import { resolveMediaTypes } from '@andes-rag/runtime';

/**
 * The store filter for a source prefix, document types (media types or extensions, resolved by
 * `resolveMediaTypes`) and tags (documents with any of them), or undefined when none is given. Throws
 * `invalid_request` for an unknown type.
 */
export function searchFilter(
  sourcePrefix: string | undefined,
  types: readonly string[] | undefined,
  tags?: readonly string[],
): ChunkFilter | undefined {
  const filter: ChunkFilter = {};
  if (sourcePrefix !== undefined) filter.sourcePrefix = sourcePrefix;
  if (types !== undefined && types.length > 0) filter.mediaTypes = resolveMediaTypes(types);
  if (tags !== undefined && tags.length > 0) filter.tags = [...tags];
  return Object.keys(filter).length > 0 ? filter : undefined;
}
