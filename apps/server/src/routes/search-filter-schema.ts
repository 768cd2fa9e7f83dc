import { z } from 'zod';

/** Longest source prefix accepted in a filter, in characters. */
export const maxSourcePrefixLength = 1024;
/** Most document types in one filter. */
export const maxFilterTypes = 20;

/** A source path prefix filter: only documents whose source starts with it. */
export const sourcePrefixSchema = z.string().min(1).max(maxSourcePrefixLength);

/**
 * Document types as the query string brings them: `type=md` once, repeated (`type=md&type=html`), or
 * comma-separated (`type=md,html`); each a media type or a file extension.
 */
export const queryTypesSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(',')).map((entry) => entry.trim()),
  )
  .pipe(z.array(z.string().min(1).max(255)).min(1).max(maxFilterTypes));

/** Most tags in one filter, and the longest tag in characters. */
export const maxFilterTags = 50;
export const maxTagLength = 100;

/** One tag name: 1 to {@link maxTagLength} characters, no comma (commas separate tags in forms and query strings). */
export const tagSchema = z
  .string()
  .min(1)
  .max(maxTagLength)
  .regex(/^[^,]+$/, 'A tag cannot contain a comma');

/**
 * Tags as a query string or upload form brings them: `tag=a` once, repeated (`tag=a&tag=b`) or comma-separated
 * (`tag=a,b`), trimmed; empty entries are dropped.
 */
export const queryTagsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((entry) => entry.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(tagSchema).max(maxFilterTags));

/** `1`/`true` or `0`/`false`, as a query-string flag. */
export const queryFlagSchema = z
  .enum(['1', 'true', '0', 'false'])
  .transform((value) => value === '1' || value === 'true');

/** A filter in a JSON body: `{sourcePrefix?, types?, tags?}`; `tags` matches documents with any of them. */
export const bodyFilterSchema = z
  .object({
    sourcePrefix: sourcePrefixSchema.optional(),
    types: z.array(z.string().min(1).max(255)).min(1).max(maxFilterTypes).optional(),
    tags: z.array(tagSchema).min(1).max(maxFilterTags).optional(),
  })
  .strict();
