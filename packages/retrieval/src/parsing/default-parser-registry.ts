import { htmlParser } from './html/html-parser.js';
import { markdownParser } from './markdown-parser.js';
import { ParserRegistry } from './parser-registry.js';
import { plainTextParser } from './plain-text-parser.js';

/** A registry with the built-in parsers: Markdown, plain text and HTML. */
export function createDefaultParserRegistry(): ParserRegistry {
  return new ParserRegistry().register(markdownParser).register(plainTextParser).register(htmlParser);
}
