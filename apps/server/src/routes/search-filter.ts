import type { ChunkFilter } from '@andes/core';
import { resolveMediaTypes } from '@andes/runtime';

/**
 * The store filter for a source prefix and document types (media types or extensions, resolved by
 * `resolveMediaTypes`), or undefined when neither is given. Throws `invalid_request` for an unknown type.
 */
export function searchFilter(sourcePrefix: string | undefined, types: readonly string[] | undefined): ChunkFilter | undefined {
  const filter: ChunkFilter = {};
  if (sourcePrefix !== undefined) filter.sourcePrefix = sourcePrefix;
  if (types !== undefined && types.length > 0) filter.mediaTypes = resolveMediaTypes(types);
  return Object.keys(filter).length > 0 ? filter : undefined;
}
