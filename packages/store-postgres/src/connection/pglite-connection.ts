import type { PostgresConnection, QueryResult, SqlQueryable } from './postgres-connection.js';

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the store uses, written out so that this package does not
 * depend on PGlite: tests and embedded uses bring their own.
 */
export interface PgliteLike {
  query<Row>(text: string, parameters?: unknown[]): Promise<QueryResult<Row>>;
  transaction<T>(work: (transaction: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A {@link PostgresConnection} over a PGlite instance. PGlite is one connection: its `transaction` holds it for the
 * whole transaction. `closeDatabase: false` leaves the instance open when the store closes (tests share one).
 */
export function pgliteConnection(database: PgliteLike, options: { closeDatabase?: boolean } = {}): PostgresConnection {
  return {
    query: <Row>(text: string, parameters?: unknown[]) => database.query<Row>(text, parameters),
    transaction: (work) => database.transaction((transaction) => work(transaction)),
    close: async () => {
      if (options.closeDatabase ?? true) await database.close();
    },
  };
}
