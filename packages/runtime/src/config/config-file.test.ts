import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './andes-config.js';

describe('config file', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'andes-config-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads andes.config.json from the working directory, under the environment and the flags', async () => {
    await writeFile(
      path.join(folder, 'andes.config.json'),
      JSON.stringify({ port: 4100, maxAnswerTokens: 64, logLevel: 'warn', dataDir: 'store' }),
    );
    const fromFile = loadConfig({}, {}, { workingDirectory: folder });
    expect(fromFile).toMatchObject({ port: 4100, maxAnswerTokens: 64, logLevel: 'warn' });
    expect(fromFile.dataDir).toBe(path.join(folder, 'store'));

    const environmentWins = loadConfig({}, { ANDES_PORT: '4200' }, { workingDirectory: folder });
    expect(environmentWins).toMatchObject({ port: 4200, maxAnswerTokens: 64 });
    const flagsWin = loadConfig({ port: 4300 }, { ANDES_PORT: '4200' }, { workingDirectory: folder });
    expect(flagsWin.port).toBe(4300);
  });

  it('reads YAML named by ANDES_CONFIG, resolving relative paths from its folder and keeping model URIs', async () => {
    const nested = path.join(folder, 'deploy');
    await writeFile(
      path.join(folder, 'team.yaml'),
      'modelPath: models/llama.gguf\nembeddingModelPath: hf:a/b/e.gguf\n',
    );
    const config = loadConfig({}, { ANDES_CONFIG: path.join(folder, 'team.yaml') }, { workingDirectory: nested });
    expect(config.modelPath).toBe(path.join(folder, 'models/llama.gguf'));
    expect(config.embeddingModelPath).toBe('hf:a/b/e.gguf');
  });

  it('refuses unknown settings, bad values, a missing named file and a file that is not an object', async () => {
    await writeFile(path.join(folder, 'andes.config.json'), JSON.stringify({ prot: 3000 }));
    expect(() => loadConfig({}, {}, { workingDirectory: folder })).toThrow(/unknown settings: prot/);
    await writeFile(path.join(folder, 'andes.config.json'), JSON.stringify({ port: 'many' }));
    expect(() => loadConfig({}, {}, { workingDirectory: folder })).toThrow(/andes\.config\.json.*port/);
    expect(() => loadConfig({}, {}, { configFile: 'missing.yaml', workingDirectory: folder })).toThrow(
      /Config file not found/,
    );
    await writeFile(path.join(folder, 'list.yaml'), '- port\n');
    expect(() => loadConfig({}, {}, { configFile: 'list.yaml', workingDirectory: folder })).toThrow(/one object/);
  });

  it('uses no file when none is named and none is in the working directory', () => {
    expect(loadConfig({}, {}, { workingDirectory: folder }).port).toBe(loadConfig({}, {}).port);
  });
});
