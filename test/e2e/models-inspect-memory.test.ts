import { describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { runCli } from '../support/run-cli.js';

// `andes models inspect FILE --context N`: the memory a context of N tokens needs here, and whether it fits.
describe('andes models inspect --context', () => {
  test('prints the estimated memory for the context size and whether it fits this machine', async () => {
    const { chatModelPath } = await ensureTestModels();
    const text = await runCli(['models', 'inspect', chatModelPath, '--context', '1024']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/Memory estimate\s+for a context of 1,024 tokens/);
    expect(text.stdout).toMatch(/RAM\s+[\d.]+ MiB \(model [\d.]+ MiB \+ context [\d.]+ MiB\)/);
    expect(text.stdout).toMatch(/Fits this machine\s+(yes|no) \(/);

    const json = await runCli(['models', 'inspect', chatModelPath, '--context', '1024', '--json']);
    const resources = (JSON.parse(json.stdout) as { resources: Record<string, unknown> }).resources;
    expect(resources).toMatchObject({ contextSize: 1024, sequences: 1 });
    expect(resources['ramBytes']).toBeGreaterThan(16 * 1024 * 1024);
    expect(typeof resources['fits']).toBe('boolean');
  });

  test('leaves the estimate out without --context, and refuses a context that is not a positive whole number', async () => {
    const { chatModelPath } = await ensureTestModels();
    const plain = await runCli(['models', 'inspect', chatModelPath, '--json']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('resources');
    const refused = await runCli(['models', 'inspect', chatModelPath, '--context', 'lots']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/--context/);
  });
});
