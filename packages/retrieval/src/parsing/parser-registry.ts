import { AndesError } from '@andes-rag/core';
import type { DocumentParser } from './document-parser.js';
import { resolveParseLimits, type ParseLimits, type ResolvedParseLimits } from './parse-limits.js';

/** Options for a {@link ParserRegistry}. */
export interface ParserRegistryOptions {
  /** Bounds every parse through this registry respects. Default: {@link defaultParseLimits}. */
  limits?: ParseLimits;
}

/**
 * The document parsers Andes knows, keyed by media type, with the limits parsing through them respects.
 * {@link createDefaultParserRegistry} holds the built-in ones (Markdown, plain text, HTML, CSV, PDF, DOCX);
 * register more to ingest more formats. Close it to stop its parser processes.
 */
export class ParserRegistry {
  /** The limits every parse through this registry respects. */
  readonly limits: ResolvedParseLimits;
  private readonly parsers = new Map<string, DocumentParser>();

  constructor(options: ParserRegistryOptions = {}) {
    this.limits = resolveParseLimits(options.limits);
  }

  /** Adds a parser, replacing any parser registered for the same media type. Returns the registry. */
  register(parser: DocumentParser): this {
    this.parsers.set(parser.mediaType, parser);
    return this;
  }

  /** The parser for a media type, or undefined. */
  forMediaType(mediaType: string): DocumentParser | undefined {
    return this.parsers.get(mediaType);
  }

  /** The media type a file extension (with the dot, any case) means, or undefined. */
  mediaTypeForExtension(extension: string): string | undefined {
    const wanted = extension.toLowerCase();
    for (const parser of this.parsers.values()) {
      if (parser.extensions.includes(wanted)) return parser.mediaType;
    }
    return undefined;
  }

  /** Every registered media type with its extensions, in registration order. */
  supportedTypes(): { mediaType: string; extensions: readonly string[] }[] {
    return [...this.parsers.values()].map((parser) => ({ mediaType: parser.mediaType, extensions: parser.extensions }));
  }

  /** An AndesError `unsupported_file_type` for `source`, naming the supported types. */
  unsupported(source: string, reason: string): AndesError {
    const supported = this.supportedTypes()
      .map((type) => `${type.extensions.join(', ')} (${type.mediaType})`)
      .join('; ');
    return new AndesError('unsupported_file_type', `Cannot ingest "${source}": ${reason}. Supported: ${supported}.`, {
      details: { source, supported: this.supportedTypes() },
    });
  }

  /** Closes every parser that holds resources (the parser processes). The registry stays usable. */
  async close(): Promise<void> {
    await Promise.all([...this.parsers.values()].map((parser) => parser.close?.()));
  }
}
