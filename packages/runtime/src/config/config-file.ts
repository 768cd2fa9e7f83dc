import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Yaml from 'yaml';
import { AndesError } from '@andes-rag/core';

/** The file names looked for in the working directory when no config file is named, in this order. */
export const configFileNames = ['andes.config.json', 'andes.config.yaml', 'andes.config.yml'] as const;

/** Settings that name files or folders: relative values in a config file are relative to the file's folder. */
const pathSettings = ['dataDir', 'modelsDir', 'modelPath', 'embeddingModelPath', 'rerankModelPath'] as const;

/** A config file's settings, with where they came from. */
export interface ConfigFile {
  path: string;
  settings: Record<string, unknown>;
}

/**
 * Reads the config file: `explicitPath` (the `--config` flag or `ANDES_CONFIG`) when given, which must exist; else the
 * first of {@link configFileNames} in `workingDirectory`, if any. JSON or YAML (by extension), one object whose keys
 * are the setting names of `andesConfigSchema` (e.g. `dataDir`, `modelPath`, `port`); values are validated with the
 * rest of the configuration. Relative paths in it are resolved from the file's folder; model URIs (`hf:…`) are kept.
 *
 * @throws AndesError `invalid_request` for a missing named file, unreadable JSON/YAML, a non-object, or unknown keys.
 */
export function readConfigFile(
  explicitPath: string | undefined,
  knownSettings: ReadonlySet<string>,
  workingDirectory = process.cwd(),
): ConfigFile | undefined {
  const filePath = explicitPath
    ? path.resolve(workingDirectory, explicitPath)
    : configFileNames.map((name) => path.join(workingDirectory, name)).find((candidate) => existsSync(candidate));
  if (filePath === undefined) return undefined;
  if (!existsSync(filePath)) throw new AndesError('invalid_request', `Config file not found: ${filePath}`);
  let parsed: unknown;
  try {
    const text = readFileSync(filePath, 'utf8');
    parsed = filePath.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new AndesError(
      'invalid_request',
      `Config file ${filePath} is not valid ${fileFormat(filePath)}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (parsed === null || parsed === undefined) return { path: filePath, settings: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AndesError('invalid_request', `Config file ${filePath} must hold one object of settings`);
  }
  const settings = { ...(parsed as Record<string, unknown>) };
  const unknown = Object.keys(settings).filter((key) => !knownSettings.has(key));
  if (unknown.length > 0) {
    throw new AndesError('invalid_request', `Config file ${filePath} has unknown settings: ${unknown.join(', ')}`, {
      details: { unknown },
    });
  }
  for (const key of pathSettings) {
    const value = settings[key];
    if (typeof value === 'string' && value !== '' && !/^(hf:|https?:\/\/)/i.test(value)) {
      settings[key] = path.resolve(path.dirname(filePath), value);
    }
  }
  return { path: filePath, settings };
}

function fileFormat(filePath: string): string {
  return filePath.endsWith('.json') ? 'JSON' : 'YAML';
}

const requireModule = createRequire(import.meta.url);

/** Parses YAML with the `yaml` package, loaded only when a YAML config file is read (it is about 70 modules). */
function parseYaml(text: string): unknown {
  return (requireModule('yaml') as typeof Yaml).parse(text);
}
