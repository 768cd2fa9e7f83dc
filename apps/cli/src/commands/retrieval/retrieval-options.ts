import type { ChunkFilter } from '@andes-rag/core';
import { resolveMediaTypes } from '@andes-rag/runtime';
import type { Command } from 'commander';
import { collectTags } from './collect-tags.js';

/** Flags `search` and `ask` share: metadata filters and the reranker. */
export interface RetrievalFlags {
  sourcePrefix?: string;
  type?: string[];
  tag?: string[];
  rerankModel?: string;
}

/** Adds `--source-prefix`, `--type` and `--tag` (both repeatable, comma-separated allowed) and `--rerank-model`. */
export function withRetrievalOptions(command: Command): Command {
  return command
    .option('--source-prefix <prefix>', 'only documents whose source path starts with this, e.g. handbook/')
    .option(
      '--type <types>',
      'only documents of these types: extensions (md, html, txt) or media types, comma-separated or repeated',
      (value: string, previous: string[] = []) => [...previous, ...value.split(',')],
    )
    .option('--tag <name>', 'only documents with any of these tags (repeatable, comma-separated allowed)', collectTags)
    .option(
      '--rerank-model <file.gguf>',
      'GGUF cross-encoder that reranks the best candidates (env ANDES_RERANK_MODEL)',
    );
}

/** The store filter the flags describe, or undefined. Throws `invalid_request` for an unknown type. */
export function filterFromFlags(flags: RetrievalFlags): ChunkFilter | undefined {
  const filter: ChunkFilter = {};
  if (flags.sourcePrefix !== undefined && flags.sourcePrefix !== '') filter.sourcePrefix = flags.sourcePrefix;
  if (flags.type !== undefined && flags.type.length > 0) filter.mediaTypes = resolveMediaTypes(flags.type);
  if (flags.tag !== undefined && flags.tag.length > 0) filter.tags = flags.tag;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** Configuration overrides the flags set (for `configFromOptions`'s `extra`). */
export function configFromFlags(flags: RetrievalFlags): Record<string, unknown> {
  return flags.rerankModel === undefined ? {} : { rerankModelPath: flags.rerankModel };
}
