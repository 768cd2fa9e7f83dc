import type { DocumentParser } from '../document-parser.js';
import type { ParserRegistry } from '../parser-registry.js';
import type { ParserProcessPool } from './parser-process-pool.js';

interface Offer {
  pool: ParserProcessPool;
  /** The registry's parsers when the offer was made: the built-in ones a parser process also has. */
  parsers: readonly DocumentParser[];
}

const offers = new WeakMap<ParserRegistry, Offer>();

/**
 * Lets files of `registry` be parsed and chunked whole in `pool`'s processes ({@link preparationPool}), as long as
 * the registry holds the built-in parsers it holds now. Called by `createDefaultParserRegistry`.
 */
export function offerPreparation(registry: ParserRegistry, pool: ParserProcessPool): void {
  const parsers = registry.supportedTypes().map(({ mediaType }) => registry.forMediaType(mediaType) as DocumentParser);
  offers.set(registry, { pool, parsers });
}

/**
 * The pool that can parse and chunk files of `registry` in its processes, or undefined when the registry has none
 * or has had a parser registered since (a custom parser exists only in the caller's process).
 */
export function preparationPool(registry: ParserRegistry): ParserProcessPool | undefined {
  const offer = offers.get(registry);
  if (!offer) return undefined;
  const unchanged =
    registry.supportedTypes().length === offer.parsers.length &&
    offer.parsers.every((parser) => registry.forMediaType(parser.mediaType) === parser);
  return unchanged ? offer.pool : undefined;
}
