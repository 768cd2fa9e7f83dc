import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const adminKey = 'keys-cli-test-admin-key-0123456789';

interface CreatedKey {
  id: string;
  key: string;
  name: string;
  role: string;
  collections: string[] | null;
  groups: string[];
}

describe('andes keys create|list|revoke: real CLI processes on the store a running server authenticates with', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess;
  const keys = (...args: string[]) => runCli(['keys', ...args, '--data-dir', dataDir.path]);
  const status = async (key: string, route: string) =>
    (await fetch(`${server.url}${route}`, { headers: { Authorization: `Bearer ${key}` } })).status;

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    const ingested = await runCli(['ingest', samplesDirectory, '--data-dir', dataDir.path, '--collection', 'handbook']);
    expect(ingested.exitCode).toBe(0);
    server = await startServerProcess(['--data-dir', dataDir.path], { ANDES_ADMIN_KEY: adminKey });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  test('a key made by the CLI works over HTTP within its collections, is listed without its secret, and revoking it locks it out', async () => {
    const created = await keys(
      'create',
      '--name',
      'hr-bot',
      '--role',
      'reader',
      '--collections',
      'handbook',
      '--groups',
      'hr,legal',
      '--json',
    );
    expect(created.exitCode).toBe(0);
    const key = JSON.parse(created.stdout) as CreatedKey;
    expect(key).toMatchObject({ name: 'hr-bot', role: 'reader', collections: ['handbook'], groups: ['hr', 'legal'] });
    expect(key.key).toMatch(/^andes_/);

    expect(await status(key.key, '/api/collections')).toBe(200);
    expect(await status(key.key, '/api/search?collection=handbook&q=leave')).toBe(200);
    // Outside its collections: as if the collection did not exist.
    expect(await status(key.key, '/api/search?collection=other&q=leave')).toBe(404);
    // A reader may not manage keys.
    expect(await status(key.key, '/api/keys')).toBe(403);

    const listed = await keys('list', '--json');
    expect(listed.exitCode).toBe(0);
    const records = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(records.map((record) => record.id)).toContain(key.id);
    expect(listed.stdout).not.toContain(key.key);
    const readable = await keys('list');
    expect(readable.stdout).toMatch(
      new RegExp(`^${key.id}\\thr-bot\\treader\\tcollections handbook\\tgroups hr,legal`, 'm'),
    );

    // The server lists the same key: one store.
    const served = await fetch(`${server.url}/api/keys`, { headers: { Authorization: `Bearer ${adminKey}` } });
    expect(((await served.json()) as { keys: Array<{ id: string }> }).keys.map((record) => record.id)).toContain(
      key.id,
    );

    const revoked = await keys('revoke', key.id);
    expect(revoked.exitCode).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${key.id}`);
    expect(await status(key.key, '/api/collections')).toBe(401);
    expect(JSON.parse((await keys('list', '--json')).stdout)).not.toContainEqual(
      expect.objectContaining({ id: key.id }),
    );
  });

  test('a key made over HTTP is revoked by the CLI; bad input is a clear error with exit status 2', async () => {
    const response = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'editor', role: 'editor' }),
    });
    const made = (await response.json()) as CreatedKey;
    expect(await status(made.key, '/api/collections')).toBe(200);
    expect((await keys('revoke', made.id)).exitCode).toBe(0);
    expect(await status(made.key, '/api/collections')).toBe(401);

    const unknown = await keys('revoke', 'no-such-key');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('No API key has the id "no-such-key"');

    const badGroup = await keys('create', '--name', 'x', '--role', 'reader', '--groups', 'bad group!');
    expect(badGroup.exitCode).toBe(2);
    expect(badGroup.stderr).toContain('--groups: a group name');

    const badRole = await keys('create', '--name', 'x', '--role', 'owner');
    expect(badRole.exitCode).not.toBe(0);
    expect(badRole.stderr).toContain('owner');
    expect(JSON.parse((await keys('list', '--json')).stdout).map((record: CreatedKey) => record.name)).not.toContain(
      'x',
    );
  });
});
