export {
  postgresBinDirectory,
  postgresServerInstalled,
  startTemporaryPostgresServer,
  type TemporaryPostgresServer,
} from './temporary-postgres-server.js';
