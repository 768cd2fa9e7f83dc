import { createDefaultParserRegistry } from '@andes-rag/retrieval';

/** File extensions (with the dot, lower case) that ingestion can parse, e.g. `.md`. */
export function supportedFileExtensions(): string[] {
  return createDefaultParserRegistry()
    .supportedTypes()
    .flatMap((type) => [...type.extensions]);
}
