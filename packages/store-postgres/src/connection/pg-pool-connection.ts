import pg from 'pg';
import type { PostgresConnection, QueryResult, SqlQueryable } from './postgres-connection.js';

/** Options for {@link connectPostgres}. */
export interface ConnectPostgresOptions {
  /** Most connections the pool opens. Default 10. */
  maxConnections?: number;
}

/**
 * Connects to a PostgreSQL server through a node-postgres pool, e.g. `connectPostgres('postgres://andes@db/andes')`.
 * Nothing is sent until the first query.
 */
export function connectPostgres(url: string, options: ConnectPostgresOptions = {}): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    query: <Row>(text: string, parameters?: unknown[]) =>
      pool.query(text, parameters) as unknown as Promise<QueryResult<Row>>,
    async transaction<T>(work: (client: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const queryable: SqlQueryable = {
        query: <Row>(text: string, parameters?: unknown[]) =>
          client.query(text, parameters) as unknown as Promise<QueryResult<Row>>,
      };
      let failed = false;
      try {
        await client.query('BEGIN');
        const result = await work(queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        failed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(failed ? true : undefined);
      }
    },
    close: () => pool.end(),
  };
}
