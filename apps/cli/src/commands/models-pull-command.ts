import { Command } from 'commander';
import { loadConfig, pullModel, readModelManifest, type PullProgress } from '@andes-rag/runtime';
import { printJson, printLine } from '../output/print.js';

interface ModelsDirectoryOptions {
  dataDir?: string;
  modelsDir?: string;
  json?: boolean;
}

function modelsDirectoryOptions(command: Command): Command {
  return command
    .option('--models-dir <dir>', 'where models are kept (env ANDES_MODELS_DIR, default DATA_DIR/models)')
    .option('--data-dir <dir>', 'the data directory whose models folder is the default (env ANDES_DATA_DIR)')
    .option('--json', 'print JSON');
}

/** Percent lines on a pipe or in a CI log, where a redrawn bar would be noise: one line per tenth done. */
function percentReporter(stream: NodeJS.WriteStream): (progress: PullProgress) => void {
  let lastTenth = -1;
  return ({ downloadedBytes, totalBytes }) => {
    if (totalBytes <= 0) return;
    const tenth = Math.floor((downloadedBytes / totalBytes) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stream.write(`downloaded ${tenth * 10}% of ${(totalBytes / 2 ** 20).toFixed(1)} MiB\n`);
  };
}

/** `andes models pull URI`: download a GGUF by `hf:` URI or URL, resumable, checksum-verified. */
export function modelsPullCommand(): Command {
  return modelsDirectoryOptions(
    new Command('pull')
      .description('download a GGUF model (hf:OWNER/REPO/FILE.gguf or a URL); an interrupted pull resumes')
      .argument('<uri>', 'hf:OWNER/REPO/FILE.gguf[#BRANCH], hf:OWNER/REPO:QUANT, or an http(s) URL')
      .option('--sha256 <hex>', 'the SHA-256 the file must have (default: the one the server publishes, if any)'),
  ).action(async (uri: string, options: ModelsDirectoryOptions & { sha256?: string }) => {
    const config = loadConfig({ dataDir: options.dataDir, modelsDir: options.modelsDir });
    const interactive = process.stderr.isTTY === true;
    const abort = new AbortController();
    const stop = () => abort.abort();
    // `on`, not `once`: a listener that removes itself during the emission leaves signal-exit (node-llama-cpp's
    // dependencies) alone, and it then re-raises the signal before the partial download is kept for the resume.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      const model = await pullModel({
        uri,
        directory: config.modelsDir,
        ...(options.sha256 ? { expectedSha256: options.sha256 } : {}),
        ...(config.huggingFaceEndpoint ? { huggingFaceEndpoint: config.huggingFaceEndpoint } : {}),
        showProgressBar: interactive,
        ...(interactive ? {} : { onProgress: percentReporter(process.stderr) }),
        signal: abort.signal,
      });
      if (options.json) printJson({ ...model, path: `${config.modelsDir}/${model.fileName}` });
      else {
        printLine(`Pulled ${uri} (${(model.sizeBytes / 2 ** 20).toFixed(1)} MiB, sha256 ${model.sha256})`);
        printLine(`Use it with: --model ${uri}`);
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });
}

/** `andes models list`: the models pulled into the models directory. */
export function modelsListCommand(): Command {
  return modelsDirectoryOptions(
    new Command('list').description('list the models pulled with `andes models pull`'),
  ).action((options: ModelsDirectoryOptions) => {
    const config = loadConfig({ dataDir: options.dataDir, modelsDir: options.modelsDir });
    const models = readModelManifest(config.modelsDir);
    if (options.json) {
      printJson({ directory: config.modelsDir, models });
      return;
    }
    if (models.length === 0) printLine(`No models pulled into ${config.modelsDir}; try: andes models pull URI`);
    for (const model of models) {
      printLine(`${model.uri}  ${(model.sizeBytes / 2 ** 20).toFixed(1)} MiB  sha256 ${model.sha256.slice(0, 12)}…`);
    }
  });
}
