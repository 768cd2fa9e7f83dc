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
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(',')).map((entry) => entry.trim()))
  .pipe(z.array(z.string().min(1).max(255)).min(1).max(maxFilterTypes));

/** `1`/`true` or `0`/`false`, as a query-string flag. */
export const queryFlagSchema = z.enum(['1', 'true', '0', 'false']).transform((value) => value === '1' || value === 'true');

/** A filter in a JSON body: `{sourcePrefix?, types?}`. */
export const bodyFilterSchema = z
  .object({
    sourcePrefix: sourcePrefixSchema.optional(),
    types: z.array(z.string().min(1).max(255)).min(1).max(maxFilterTypes).optional(),
  })
  .strict();
