import { z } from 'zod';

/** Longest collection name accepted, in characters. */
export const maxCollectionNameLength = 128;

/** A collection name from a path or query: 1 to 128 characters, surrounding whitespace removed. */
export const collectionNameSchema = z.string().trim().min(1).max(maxCollectionNameLength);

/** Path parameters of the `/api/collections/:name/...` routes. */
export const collectionParametersSchema = z.object({ name: collectionNameSchema });
