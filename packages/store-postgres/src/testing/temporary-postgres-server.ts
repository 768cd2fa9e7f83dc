import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's `postgresql-15` package puts the server binaries (`scripts/setup.sh` installs it on CI). */
export const postgresBinDirectory = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server started for a test; `stop()` shuts it down and removes its files. */
export interface TemporaryPostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication on loopback). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** True when the PostgreSQL 15 server binaries are installed. */
export function postgresServerInstalled(): boolean {
  return existsSync(path.join(postgresBinDirectory, 'initdb')) && existsSync(path.join(postgresBinDirectory, 'pg_ctl'));
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * Starts a throwaway PostgreSQL 15 server: `initdb` in a fresh temporary directory, trust authentication, listening
 * on a free loopback port only, durability off (`fsync=off`: test data). As root, `initdb` and `pg_ctl` run as the
 * `postgres` user (PostgreSQL refuses to run as root) in a directory that user owns.
 */
export async function startTemporaryPostgresServer(): Promise<TemporaryPostgresServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'andes-postgres-'));
  const dataDirectory = path.join(directory, 'data');
  const asRoot = process.getuid?.() === 0;
  const command = async (binary: string, args: string[]) => {
    const file = path.join(postgresBinDirectory, binary);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  };
  if (asRoot) {
    const { uid, gid } = await postgresUserIds();
    await chown(directory, uid, gid);
    await chmod(directory, 0o700);
  }
  const port = await freeLoopbackPort();
  try {
    await command('initdb', ['-D', dataDirectory, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    await command('pg_ctl', [
      '-D',
      dataDirectory,
      '-o',
      options,
      '-l',
      path.join(directory, 'server.log'),
      '-w',
      'start',
    ]);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await command('pg_ctl', ['-D', dataDirectory, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
