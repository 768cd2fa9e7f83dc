import { noopLogger, type Logger } from '@andes-rag/core';
import { diagnoseStore, repairStore, type StoreCheckup } from '@andes-rag/vectorstore';
import type { AndesConfig } from '../config/andes-config.js';
import { openAndes } from '../open-andes.js';

/** Options of {@link runDoctor}. */
export interface DoctorOptions {
  /** Repair what can be repaired (see `repairStore` in `@andes-rag/vectorstore`). Default false: only check. */
  repair?: boolean;
  /** Receives store and model logs. Default: {@link noopLogger}. */
  logger?: Logger;
}

/** What `andes doctor` found and did. */
export interface DoctorReport extends StoreCheckup {
  /** Chunks embedded again with the configured embedding model after their malformed vectors were dropped. */
  reembedded: number;
}

/**
 * `andes doctor [--repair]`: checks the store under `config.dataDir` without changing it, or with `repair`
 * salvages what can be read, drops malformed vectors, rebuilds every index and lists what was lost. With an
 * embedding model configured, a repair embeds the chunks whose vectors it dropped. Stop any server using the data
 * directory before repairing.
 */
export async function runDoctor(config: AndesConfig, options: DoctorOptions = {}): Promise<DoctorReport> {
  const logger = options.logger ?? noopLogger;
  if (!options.repair) return { ...(await diagnoseStore(config.dataDir)), reembedded: 0 };
  const checkup = await repairStore(config.dataDir, { logger });
  let reembedded = 0;
  if (checkup.repaired && checkup.droppedVectors.length > 0 && config.embeddingModelPath !== undefined) {
    const { modelPath: _chatModel, ...withoutChatModel } = config;
    const runtime = await openAndes(withoutChatModel, { logger });
    try {
      for (const { collection } of checkup.droppedVectors) {
        const report = await runtime.reindex({ collection });
        reembedded += report.collections.reduce((total, entry) => total + entry.embedded, 0);
        checkup.integrity = report.integrity;
      }
    } finally {
      await runtime.close();
    }
    checkup.actions.push(`Embedded ${reembedded} chunk(s) again with the configured embedding model.`);
  }
  return { ...checkup, reembedded };
}
