/** What a query returns: its rows as objects keyed by column name. */
export interface QueryResult<Row> {
  rows: Row[];
}

/**
 * The one method the store needs from a PostgreSQL client: run a statement with `$1`-style parameters. A `pg` Pool
 * or Client and a PGlite instance all have it.
 */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<QueryResult<Row>>;
}

/**
 * A PostgreSQL database as the store uses it: queries, transactions on one connection, and a way to close it.
 * Made by {@link connectPostgres} (node-postgres pool) or {@link pgliteConnection} (PGlite, for tests).
 */
export interface PostgresConnection extends SqlQueryable {
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws.
   * Statements of `work` must go through the queryable it is given.
   */
  transaction<T>(work: (client: SqlQueryable) => Promise<T>): Promise<T>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}
