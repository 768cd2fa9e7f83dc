import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelDownloader } from 'node-llama-cpp';
import { importNodeLlamaCpp } from '../backend/import-node-llama-cpp.js';
import { AndesError } from '@andes-rag/core';
import { fileSha256 } from './file-sha256.js';
import { recordPulledModel, type PulledModel } from './model-manifest.js';
import { defaultHuggingFaceEndpoint, modelDownloadUrl } from './model-download-url.js';
import { publishedSha256 } from './published-sha256.js';

/** How far a download has come. */
export interface PullProgress {
  downloadedBytes: number;
  totalBytes: number;
}

/** Options for {@link pullModel}. */
export interface PullModelOptions {
  /** `hf:OWNER/REPO/FILE.gguf[#BRANCH]`, `hf:OWNER/REPO:QUANT`, or an `http(s)://` URL of a GGUF file. */
  uri: string;
  /** Where models are kept; the file and the manifest (`models.json`) are written there. */
  directory: string;
  /** The SHA-256 the file must have. Default: the one the server publishes (`X-Linked-ETag`), when it does. */
  expectedSha256?: string;
  /** Where `hf:` URIs resolve. Default `https://huggingface.co/`; tests point it at a loopback server. */
  huggingFaceEndpoint?: string;
  /** Called as bytes arrive. */
  onProgress?: (progress: PullProgress) => void;
  /** Draw node-llama-cpp's progress bar on the terminal. Default `false`. */
  showProgressBar?: boolean;
  /** Stops the download; the partial file is kept, so the next pull of the same URI resumes it. */
  signal?: AbortSignal;
}

/**
 * Downloads a GGUF model with node-llama-cpp's model downloader (ipull: parallel connections, and a partial file
 * kept on interruption that the next pull resumes with HTTP range requests), then checks its SHA-256 against the
 * expected one and records it in the directory's manifest, so `--model URI` resolves to it. A file already complete
 * in the directory is not downloaded again.
 *
 * @throws AndesError `download_failed` (unreachable server, HTTP error, checksum mismatch: the bad file is deleted),
 *   `aborted` when `signal` fires, `invalid_request` for a malformed URI.
 */
export async function pullModel(options: PullModelOptions): Promise<PulledModel> {
  const { uri, directory, signal } = options;
  const huggingFaceEndpoint = options.huggingFaceEndpoint ?? defaultHuggingFaceEndpoint;
  const expectedSha256 =
    options.expectedSha256?.toLowerCase() ??
    (await publishedSha256(modelDownloadUrl(uri, huggingFaceEndpoint), signal));
  let filePath: string;
  try {
    const { createModelDownloader } = await importNodeLlamaCpp();
    const downloader = await createModelDownloader({
      modelUri: uri,
      dirPath: directory,
      showCliProgress: options.showProgressBar ?? false,
      skipExisting: true,
      deleteTempFileOnCancel: false,
      endpoints: { huggingFace: huggingFaceEndpoint },
      ...(options.onProgress
        ? {
            onProgress: ({ downloadedSize, totalSize }) =>
              options.onProgress?.({ downloadedBytes: downloadedSize, totalBytes: totalSize }),
          }
        : {}),
    });
    filePath = await downloadUntilAborted(downloader, signal);
  } catch (error) {
    if (signal?.aborted) throw new AndesError('aborted', `Download of ${uri} stopped; pull again to resume`);
    throw new AndesError('download_failed', `Could not download ${uri}: ${errorMessage(error)}`, {
      cause: error,
      details: { uri },
    });
  }
  const sha256 = await fileSha256(filePath);
  if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
    await rm(filePath, { force: true });
    throw new AndesError(
      'download_failed',
      `Checksum mismatch for ${uri}: expected SHA-256 ${expectedSha256}, got ${sha256}; the file was deleted`,
      { details: { uri, expectedSha256, sha256 } },
    );
  }
  const model: PulledModel = {
    uri,
    fileName: path.relative(directory, filePath),
    sizeBytes: (await stat(filePath)).size,
    sha256,
    pulledAt: new Date().toISOString(),
  };
  await recordPulledModel(directory, model);
  return model;
}

/**
 * Runs the download until it ends or `signal` fires. On abort the downloader is cancelled with its partial file kept
 * (the next pull resumes from it) and the promise rejects at once: a stalled connection does not hold it open.
 */
async function downloadUntilAborted(downloader: ModelDownloader, signal: AbortSignal | undefined): Promise<string> {
  if (!signal) return downloader.download();
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      void downloader.cancel({ deleteTempFile: false }).catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([downloader.download({ signal }), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
