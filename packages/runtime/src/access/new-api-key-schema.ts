import { z } from 'zod';
import type { NewApiKey } from '@andes-rag/core';

/** A group name in a key's `groups` (matched by `group:<name>` in document access lists). */
export const groupNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'a group name: letters, digits, . _ @ -');

/**
 * A new API key as an admin describes it (`POST /api/keys`, `andes keys create`): `name`, `role`, and optionally the
 * `collections` it may use (default: every collection) and its `groups` (default: none). Unknown fields are refused.
 */
export const newApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(['admin', 'editor', 'reader']),
  collections: z.array(z.string().trim().min(1).max(128)).max(1000).optional(),
  groups: z.array(groupNameSchema).max(1000).optional(),
});

/** The validated request as the key store takes it (unset lists left out, so their defaults apply). */
export function newApiKeyOf(request: z.infer<typeof newApiKeySchema>): NewApiKey {
  return {
    name: request.name,
    role: request.role,
    ...(request.collections === undefined ? {} : { collections: request.collections }),
    ...(request.groups === undefined ? {} : { groups: request.groups }),
  };
}
