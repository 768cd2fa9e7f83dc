import { mkdtemp, rm, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { loadConfig } from '../config/andes-config.js';
import { LoadingAndesService } from '../lifecycle/loading-andes-service.js';
import { openAndes } from '../open-andes.js';
import { runDoctor } from './doctor.js';

describe('andes doctor through the runtime', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-doctor-'));
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('finds a healthy store healthy, and an emptied database damaged until repaired', async () => {
    const config = loadConfig({ dataDir }, {});
    const runtime = await openAndes(config);
    await runtime.ingest('notes', [{ source: 'vpn.md', bytes: new TextEncoder().encode('# VPN\n\nUse WireGuard.\n') }]);
    await runtime.close();
    expect(await runDoctor(config)).toMatchObject({ healthy: true, problems: [] });

    await truncate(path.join(dataDir, 'andes.db'), 0);
    const found = await runDoctor(config);
    expect(found).toMatchObject({ healthy: false, repaired: false, problems: [{ check: 'store_corrupt' }] });

    // A server loading this store reports why it is not ready instead of "still loading".
    const loading = new LoadingAndesService(() => openAndes(config));
    await expect(loading.whenLoaded()).rejects.toSatisfy(
      (error) => AndesError.isInstance(error) && error.code === 'store_corrupt',
    );
    expect(loading.readiness()).toMatchObject({
      ready: false,
      storeProblem: { code: 'store_corrupt', message: /empty/ },
    });
    await loading.close();

    const repaired = await runDoctor(config, { repair: true });
    expect(repaired).toMatchObject({ healthy: false, repaired: true, integrity: { ok: true } });
    expect(repaired.unreadableRows).toBeGreaterThan(0);
    expect(repaired.movedAside).toEqual([expect.stringMatching(/^andes\.db\.damaged-/)]);
    expect(await runDoctor(config)).toMatchObject({ healthy: true });
  });
});
