import { AndesError } from '@andes-rag/core';

/** Tag prefix of the LangChain id of a stored document. */
const idTagPrefix = 'langchain:id:';
/** Tag prefix of a document's whole LangChain metadata, as JSON. */
const metadataTagPrefix = 'langchain:metadata:';
/** Tag prefix of one metadata entry, `langchain:meta:<key>=<JSON value>`, which filters match inside the search. */
const entryTagPrefix = 'langchain:meta:';

/** A metadata value a filter can compare: a JSON scalar. */
export type MetadataScalar = string | number | boolean | null;

/**
 * A LangChain metadata filter {@link AndesVectorStore} applies inside the search: every key must match (AND), each
 * either a scalar (equal) or `{ $eq: scalar }` / `{ $in: [scalars] }`. Other shapes are refused.
 */
export type MetadataFilter = Record<string, MetadataScalar | { $eq: MetadataScalar } | { $in: MetadataScalar[] }>;

function isScalar(value: unknown): value is MetadataScalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The tag of one metadata entry. */
function entryTag(key: string, value: MetadataScalar): string {
  return `${entryTagPrefix}${key}=${JSON.stringify(value)}`;
}

/** The tags that store a LangChain document's id and metadata on its Andes document. */
export function metadataTags(id: string, metadata: Record<string, unknown>): string[] {
  const entries = Object.entries(metadata)
    .filter((entry): entry is [string, MetadataScalar] => isScalar(entry[1]))
    .map(([key, value]) => entryTag(key, value));
  return [`${idTagPrefix}${id}`, `${metadataTagPrefix}${JSON.stringify(metadata)}`, ...entries];
}

/** The LangChain id and metadata stored in an Andes document's tags; undefined for a document not written by LangChain. */
export function readMetadataTags(
  tags: readonly string[] | undefined,
): { id: string; metadata: Record<string, unknown> } | undefined {
  const id = tags?.find((tag) => tag.startsWith(idTagPrefix))?.slice(idTagPrefix.length);
  const metadata = tags?.find((tag) => tag.startsWith(metadataTagPrefix))?.slice(metadataTagPrefix.length);
  if (id === undefined || metadata === undefined) return undefined;
  return { id, metadata: JSON.parse(metadata) as Record<string, unknown> };
}

/**
 * For each key of `filter`, the tags of which a matching document carries at least one. Throws AndesError
 * `invalid_request` for a shape other than {@link MetadataFilter}'s.
 */
export function filterTagSets(filter: Record<string, unknown>): string[][] {
  return Object.entries(filter).map(([key, condition]) => {
    if (isScalar(condition)) return [entryTag(key, condition)];
    if (typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).length === 1) {
      const [operator, operand] = Object.entries(condition)[0]!;
      if (operator === '$eq' && isScalar(operand)) return [entryTag(key, operand)];
      if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
        return operand.map((value) => entryTag(key, value));
      }
    }
    throw new AndesError(
      'invalid_request',
      `Unsupported filter on "${key}": AndesVectorStore filters by metadata equality (a scalar, {$eq: scalar} or {$in: [scalars]}).`,
      { details: { key } },
    );
  });
}
