import { Option, type Command } from 'commander';
import { gpuChoices, loadConfig, type AndesConfig } from '@andes-rag/runtime';

/** Flags every command that opens the store accepts. */
export interface CommonOptions {
  config?: string;
  dataDir?: string;
  collection: string;
  model?: string;
  embeddingModel?: string;
  gpu?: string;
  threads?: string;
  verbose?: boolean;
}

/** Adds the flags of a command that only reads or writes the store: config file, data directory, collection. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--config <file>', 'a JSON or YAML config file (env ANDES_CONFIG, default ./andes.config.json|yaml)')
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option('--collection <name>', 'collection to use', 'default')
    .option('--verbose', 'log details to stderr');
}

/** Adds the store flags and those of the embedding model (ingest embeds chunks; it never generates). */
export function withEmbeddingOptions(command: Command): Command {
  return withStoreOptions(command)
    .option(
      '--embedding-model <file.gguf>',
      'embedding model GGUF or pulled hf: URI (env ANDES_EMBEDDING_MODEL); enables dense retrieval',
    )
    .addOption(new Option('--gpu <backend>', 'model backend (env ANDES_GPU)').choices([...gpuChoices]))
    .option('--threads <n>', 'CPU threads for the models (env ANDES_THREADS)');
}

/** Adds every shared flag: store, embedding model and chat model (commands that answer or serve). */
export function withCommonOptions(command: Command): Command {
  return withEmbeddingOptions(command).option(
    '--model <file.gguf>',
    'chat model GGUF or pulled hf: URI (env ANDES_MODEL); without one, ask answers extractively',
  );
}

/** The validated configuration for a command: flags over environment over the config file over defaults. */
export function configFromOptions(options: CommonOptions, extra: Record<string, unknown> = {}): AndesConfig {
  return loadConfig(
    {
      dataDir: options.dataDir,
      modelPath: options.model,
      embeddingModelPath: options.embeddingModel,
      gpu: options.gpu,
      threads: options.threads,
      logLevel: options.verbose ? 'debug' : undefined,
      ...extra,
    },
    undefined,
    options.config === undefined ? {} : { configFile: options.config },
  );
}
