import type { ChunkDraft, SourceDocument } from '@andes-rag/core';
import { chunkDocument } from '../chunking/chunk-document.js';
import type { ChunkOptions } from '../chunking/chunk-options.js';
import { parseDocument } from '../parsing/parse-document.js';
import { recognizeFile } from '../parsing/detect-media-type.js';
import { preparationPool } from '../parsing/isolation/preparation-pools.js';
import type { ParserRegistry } from '../parsing/parser-registry.js';

/** One file to make ready for storing. */
export interface PrepareDocumentInput {
  /** The document's identity in its collection. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Declared media type. Default: decided from the bytes and the extension. */
  mediaType?: string;
  /** Chunk sizes. Default: {@link chunkDocument}'s. */
  chunkOptions?: ChunkOptions;
}

/** A parsed document and its chunks: everything of a write but the embeddings. */
export interface PreparedDocument {
  document: SourceDocument;
  chunks: ChunkDraft[];
}

/**
 * Parses and chunks one file in the calling thread. {@link prepareDocument} runs this in a parser process when
 * the registry allows it.
 */
export async function prepareInThisThread(
  input: PrepareDocumentInput,
  parsers: ParserRegistry | undefined,
): Promise<PreparedDocument> {
  const document = await parseDocument({
    source: input.source,
    bytes: input.bytes,
    ...(input.mediaType === undefined ? {} : { mediaType: input.mediaType }),
    ...(parsers === undefined ? {} : { parsers }),
  });
  return { document, chunks: chunkDocument(document, input.chunkOptions) };
}

/** Markdown and text files up to this size may be prepared in the calling thread. */
const smallTextBytes = 64 * 1024;

function isMarkdownOrText(input: PrepareDocumentInput, parsers: ParserRegistry): boolean {
  try {
    const { mediaType } = recognizeFile(input, parsers).parser;
    return mediaType === 'text/markdown' || mediaType === 'text/plain';
  } catch {
    return false; // An unsupported file: the parser process reports it like any other.
  }
}

/**
 * Parses and chunks one file. With a registry from `createDefaultParserRegistry` (process isolation, built-in
 * parsers only) it runs in a parser process, under the registry's time and memory limits, so a large or
 * pathological file never blocks the caller's event loop — except a small (≤ 64 KiB) Markdown or text file while no
 * parser process is idle, which is prepared here in a millisecond or two; otherwise in the calling thread.
 *
 * @throws what {@link parseDocument} throws; with a parser process also `parse_failed` for a file that runs past the
 *   time limit and `payload_too_large` for one that needs more memory than allowed.
 */
export async function prepareDocument(
  input: PrepareDocumentInput,
  parsers: ParserRegistry | undefined,
): Promise<PreparedDocument> {
  const pool = parsers && preparationPool(parsers);
  if (!pool || !parsers) return prepareInThisThread(input, parsers);
  if (input.bytes.byteLength <= smallTextBytes && !pool.hasIdleProcess() && isMarkdownOrText(input, parsers)) {
    // A small Markdown or text file takes this thread a millisecond or two (chunking is linear), less than a parser
    // process would take to boot: prepared here while the pool warms up for the files after it.
    pool.warm();
    return prepareInThisThread(input, parsers);
  }
  const parserTypes = parsers.supportedTypes().map(({ mediaType, extensions }) => ({
    mediaType,
    extensions,
    binary: parsers.forMediaType(mediaType)?.binary ?? false,
  }));
  return pool.prepare(input, parserTypes, parsers.limits);
}
