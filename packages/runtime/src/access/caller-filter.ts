import { principalsOf, type Caller, type ChunkFilter } from '@andes-rag/core';

/**
 * The request's filter with the caller's principals set, so search only ranks chunks of documents the caller may
 * read. Principals a request brought itself are replaced; an admin's filter is left as it was (admins read all).
 */
export function withCallerPrincipals(filter: ChunkFilter | undefined, caller: Caller): ChunkFilter | undefined {
  const principals = principalsOf(caller);
  if (principals === undefined) return filter;
  return { ...filter, principals };
}
