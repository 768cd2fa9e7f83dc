import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import {
  checkQualityGates,
  compareConfigurations,
  createEvaluationReport,
  evaluateAnswers,
  type AnswerEvaluation,
  type EvaluationDataset,
  type EvaluationReport,
  type QualityGate,
} from '@andes-rag/evaluation';
import type { AssistantVersion } from '@andes-rag/core';
import type { AndesConfig, AndesRuntime } from '@andes-rag/runtime';
import { chunkSizeConfigurations } from './chunk-size-configurations.js';
import { retrievalConfigurations } from './retrieval-configurations.js';

/** One `andes eval` run, flags already validated. */
export interface RunEvaluationOptions {
  runtime: AndesRuntime;
  config: AndesConfig;
  dataset: EvaluationDataset;
  /** As given on the command line, for the report. */
  datasetPath: string;
  collection: string;
  /** The k of hit@k and recall@k, in documents. */
  k: number;
  /** Chunks retrieved per question. */
  chunks: number;
  /** Run the comparison variants too. */
  compare: boolean;
  /** With `compare`: chunk sizes to re-chunk copies at (empty: none). */
  chunkSizes: readonly number[];
  gates: readonly QualityGate[];
  /** Generate answers and grade them (needs a chat model). */
  answers: boolean;
  /**
   * Evaluate this assistant version instead of the configured retrieval: its collection (replacing `collection`),
   * filter, reranking and threshold for `default`, and its answers for `answers`. Default: none.
   */
  assistant?: AssistantVersion;
}

/**
 * Evaluates the collection: every configuration over the dataset, answers when asked, gates on the default
 * configuration, and assembles the report (not yet written).
 *
 * @throws AndesError `collection_not_found`, or `invalid_request` for `answers` without a chat model.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationReport> {
  const { runtime, dataset, chunks, assistant } = options;
  const collection = assistant?.collections[0] ?? options.collection;
  const access = runtime.evaluationAccess();
  // An assistant version is checked against its own collections (the pinned one's, not the live one's).
  for (const name of assistant?.collections ?? [collection]) {
    if (!(await access.getCollection(name))) {
      throw new AndesError('collection_not_found', `Collection "${name}" does not exist.`, {
        details: { collection: name },
      });
    }
  }
  const judge = access.chatModel;
  if (options.answers && !judge)
    throw new AndesError('invalid_request', '--answers needs a chat model (--model or ANDES_MODEL).');
  const configurations = await retrievalConfigurations({
    runtime,
    access,
    collection,
    chunks,
    compare: options.compare,
  });
  if (assistant && configurations[0]) {
    configurations[0] = {
      name: 'default',
      description: `assistant ${assistant.name} version ${assistant.version}, as it retrieves for its answers`,
      retrieve: (question) => runtime.searchAsAssistant(assistant, question, chunks),
    };
  }
  const sized =
    options.compare && options.chunkSizes.length > 0
      ? await chunkSizeConfigurations(access, collection, options.chunkSizes, chunks)
      : undefined;
  try {
    const retrieval = await compareConfigurations({
      dataset,
      k: options.k,
      configurations: [...configurations, ...(sized?.configurations ?? [])],
    });
    let answers: AnswerEvaluation | undefined;
    if (options.answers && judge) {
      const assistantFields = assistant ? { assistant: assistant.name, assistantVersion: assistant.version } : {};
      answers = await evaluateAnswers({
        dataset,
        answer: (question) => runtime.ask({ collection, question, ...assistantFields }),
        judge,
      });
    }
    const baseline = retrieval.configurations.find((configuration) => configuration.name === retrieval.baseline);
    const gates = baseline ? checkQualityGates(options.gates, baseline, answers) : [];
    // No server paths in a report (it is served over HTTP): the dataset by file name, no data directory.
    const context = {
      dataset: path.basename(options.datasetPath),
      collection,
      'chunks per question': String(chunks),
      'embedding model': access.embeddingModel?.id ?? 'none',
      'chat model': judge?.id ?? 'none',
      ...(assistant ? { assistant: `${assistant.name} version ${assistant.version}` } : {}),
    };
    return createEvaluationReport({ dataset, retrieval, gates, context, ...(answers ? { answers } : {}) });
  } finally {
    await sized?.close();
  }
}
