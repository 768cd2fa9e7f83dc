/**
 * A throwaway PostgreSQL 15 server for the load benchmark, started by `@andes-rag/store-postgres`'s own test helper
 * (the one its tests use). Loaded lazily, so the benchmark still runs its embedded-store part where the package or
 * the Debian server binaries are missing.
 */
export async function startPostgresForBench(): Promise<
  { url: string; stop: () => Promise<void> } | { skipped: string }
> {
  let testing: typeof import('@andes-rag/store-postgres/testing');
  try {
    testing = await import('@andes-rag/store-postgres/testing');
  } catch (error) {
    return { skipped: `@andes-rag/store-postgres is not built here (${(error as Error).message.split('\n')[0]})` };
  }
  if (!testing.postgresServerInstalled()) return { skipped: 'PostgreSQL 15 server binaries are not installed' };
  const server = await testing.startTemporaryPostgresServer();
  return { url: server.url, stop: () => server.stop() };
}
