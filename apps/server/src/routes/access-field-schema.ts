import { z } from 'zod';
import { principalPattern } from '@andes-rag/core';

/** Most principals one document's access list may name. */
export const maxAccessPrincipals = 100;

/**
 * A document access list from a form or query field: principals `group:<name>` or `key:<id>`, comma-separated or
 * repeated (`access=group:hr,group:legal`). Each is checked; a malformed one is a 400 naming it.
 */
export const accessFieldSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((entry) => entry.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(z.string().regex(principalPattern, 'expected group:<name> or key:<id>')).max(maxAccessPrincipals));
