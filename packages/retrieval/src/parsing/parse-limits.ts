/**
 * Bounds on what parsing one file may cost. A file over a size bound is rejected with AndesError
 * `payload_too_large`; a parse over the time bound is stopped with `parse_failed`.
 */
export interface ParseLimits {
  /** Longest one file may take to parse, in milliseconds; the process parsing it is then killed. Default 60,000. */
  timeoutMs?: number;
  /** V8 heap a parser process may use, in MiB; a process that needs more dies, failing only its file. Default 512. */
  maxMemoryMb?: number;
  /** Most pages a PDF may have. Default 1,000. */
  maxPages?: number;
  /** Most characters of extracted text per file. Default 20,000,000 (about 20 MB of text). */
  maxTextCharacters?: number;
  /** Most bytes a DOCX (ZIP) may inflate to, all entries together, checked before inflating. Default 256 MiB. */
  maxUncompressedBytes?: number;
  /** Highest uncompressed / compressed size ratio of one ZIP entry (zip bombs reach thousands). Default 200. */
  maxCompressionRatio?: number;
  /** Most entries in a ZIP archive. Default 10,000. */
  maxZipEntries?: number;
}

/** {@link ParseLimits} with every default filled in. */
export type ResolvedParseLimits = Required<ParseLimits>;

/** The default {@link ParseLimits}. */
export const defaultParseLimits: ResolvedParseLimits = Object.freeze({
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  maxPages: 1_000,
  maxTextCharacters: 20_000_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
});

/** Fills in defaults. */
export function resolveParseLimits(limits: ParseLimits = {}): ResolvedParseLimits {
  const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  return { ...defaultParseLimits, ...defined };
}
