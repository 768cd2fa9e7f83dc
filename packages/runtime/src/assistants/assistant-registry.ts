import {
  AndesError,
  type AssistantDefinition,
  type AssistantRecord,
  type AssistantStore,
  type AssistantVersion,
} from '@andes-rag/core';
import type { AndesConfig } from '../config/andes-config.js';
import { assistantNamePattern } from './assistant-definition-schema.js';

/**
 * Assistants over an {@link AssistantStore}, with the checks that need the server's configuration. Version 1 is
 * live from creation; every later version waits for `release` (so an update can be evaluated before it answers),
 * and releasing an older version is the rollback.
 */
export class AssistantRegistry {
  constructor(
    private readonly store: AssistantStore,
    private readonly config: AndesConfig,
  ) {}

  /** @throws AndesError `invalid_request` (bad name, unknown adapter), `conflict` (name taken). */
  async create(name: string, definition: AssistantDefinition): Promise<AssistantRecord> {
    this.check(name, definition);
    return this.store.createAssistant(name, definition);
  }

  /** Stores the next version; it is not live until released. @throws AndesError `not_found`, `invalid_request`. */
  async update(name: string, definition: AssistantDefinition): Promise<AssistantVersion> {
    this.check(name, definition);
    return this.store.addAssistantVersion(name, definition);
  }

  list(): Promise<AssistantRecord[]> {
    return this.store.listAssistants();
  }

  /** @throws AndesError `not_found`. */
  async get(name: string): Promise<AssistantRecord> {
    const record = await this.store.getAssistant(name);
    if (record === undefined) throw notFound(name);
    return record;
  }

  /** Oldest first. @throws AndesError `not_found`. */
  versions(name: string): Promise<AssistantVersion[]> {
    return this.store.listAssistantVersions(name);
  }

  /** Makes `version` live. @throws AndesError `not_found` (assistant or version), `invalid_request` (bad number). */
  async release(name: string, version: number): Promise<AssistantRecord> {
    if (!Number.isInteger(version) || version < 1)
      throw new AndesError('invalid_request', 'version must be a whole number from 1.');
    return this.store.releaseAssistantVersion(name, version);
  }

  /** @throws AndesError `not_found`. */
  async delete(name: string): Promise<void> {
    if (!(await this.store.deleteAssistant(name))) throw notFound(name);
  }

  /** The live version, or the given one. @throws AndesError `not_found`. */
  async resolve(name: string, version?: number): Promise<AssistantVersion> {
    if (version === undefined) return (await this.get(name)).live;
    const found = await this.store.getAssistantVersion(name, version);
    if (found === undefined) {
      throw new AndesError('not_found', `The assistant "${name}" has no version ${version}.`, {
        details: { name, version },
      });
    }
    return found;
  }

  /** The live version of the assistant with this name, or undefined (for model-name lookups). */
  async find(name: string): Promise<AssistantVersion | undefined> {
    if (!assistantNamePattern.test(name)) return undefined;
    return (await this.store.getAssistant(name))?.live;
  }

  private check(name: string, definition: AssistantDefinition): void {
    if (!assistantNamePattern.test(name)) {
      throw new AndesError('invalid_request', 'Assistant names are 1-64 letters, digits, ".", "_" or "-".', {
        details: { name },
      });
    }
    const adapter = definition.loraAdapter;
    if (adapter !== undefined && !Object.hasOwn(this.config.loraAdapters, adapter)) {
      const configured = Object.keys(this.config.loraAdapters);
      throw new AndesError(
        'invalid_request',
        `The LoRA adapter "${adapter}" is not configured (ANDES_LORA_ADAPTERS).`,
        {
          details: { param: 'loraAdapter', configured },
        },
      );
    }
  }
}

function notFound(name: string): AndesError {
  return new AndesError('not_found', `The assistant "${name}" does not exist.`, { details: { name } });
}
