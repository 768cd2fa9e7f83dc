import { builtInParsers } from './built-in-parsers.js';
import { isolatedParser } from './isolation/isolated-parser.js';
import { ParserProcessPool } from './isolation/parser-process-pool.js';
import { offerPreparation } from './isolation/preparation-pools.js';
import type { ParseLimits } from './parse-limits.js';
import { ParserRegistry } from './parser-registry.js';
import { rstMediaType } from './text/rst-parser.js';

/** Options for {@link createDefaultParserRegistry}. */
export interface DefaultParserRegistryOptions {
  /** Bounds on every parse (time, memory, pages, inflated size, text length). Default: {@link defaultParseLimits}. */
  limits?: ParseLimits;
  /**
   * `process` (default): HTML, CSV, PDF and DOCX are parsed in child processes with the time and memory limits, so
   * a hostile file fails alone; `ingestDocument` and the runtime's ingestion also parse and chunk every file,
   * Markdown and plain text included, in those processes (`prepareDocument`), so that no file blocks the caller's
   * event loop. Markdown and plain text parsed through the registry directly stay in the calling thread. `none`:
   * everything in the calling thread, without time or memory limits.
   */
  isolation?: 'process' | 'none';
  /** Parser processes at once. Default: `os.availableParallelism()`. */
  processes?: number;
}

/** Media types parsed in the calling thread even with isolation: their parsers cannot blow up. */
const trustedInProcess = new Set(['text/markdown', 'text/plain', rstMediaType]);

/**
 * A registry with every built-in parser: Markdown, plain text, reStructuredText, HTML, CSV, PDF and DOCX. With process isolation
 * (the default) it owns a {@link ParserProcessPool}; `close()` it when done (idle parser processes never keep the
 * parent alive, and exit with it).
 */
export function createDefaultParserRegistry(options: DefaultParserRegistryOptions = {}): ParserRegistry {
  const registry = new ParserRegistry(options.limits ? { limits: options.limits } : {});
  const pool =
    options.isolation === 'none'
      ? undefined
      : new ParserProcessPool({
          limits: registry.limits,
          ...(options.processes === undefined ? {} : { processes: options.processes }),
        });
  for (const parser of builtInParsers) {
    registry.register(pool && !trustedInProcess.has(parser.mediaType) ? isolatedParser(parser, pool) : parser);
  }
  if (pool) offerPreparation(registry, pool);
  return registry;
}
