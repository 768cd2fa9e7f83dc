import { z } from 'zod';

/**
 * The store setting of the configuration, spread into `andesConfigSchema`: the embedded SQLite store under `dataDir`
 * (the default), or a PostgreSQL database shared by several API replicas.
 */
export const storeConfigShape = {
  /**
   * Where documents, chunks, vectors, keys, assistants and conversations live (env `ANDES_STORE`): `embedded`
   * (default; SQLite + hnswlib under `dataDir`) or a `postgres://` / `postgresql://` URL (see
   * `packages/store-postgres/README.md`; pgvector is used when the server has it).
   */
  store: z
    .union([z.literal('embedded'), z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'use "embedded" or a postgres:// URL')])
    .default('embedded'),
};

/** The environment variables of {@link storeConfigShape}. */
export const storeEnvironmentKeys = {
  ANDES_STORE: 'store',
} as const;
