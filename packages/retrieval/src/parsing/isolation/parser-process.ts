import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { loadBuiltInParser } from './parser-loaders.js';
import type { PreparedDocument } from '../../ingestion/prepare-document.js';
import type { ParserRegistry } from '../parser-registry.js';
import { serializeError, type ParseRequest, type ParseResponse, type PrepareRequest } from './parse-messages.js';

// The entry point of a parser process (started by ParserProcessPool). It parses one file at a time with the
// built-in parser of the requested media type (loaded on first use), or prepares one (parses and chunks it), and
// sends back the result or the error. It exits when its parent goes away. A library never prints: the console (pdf.js may warn on broken files) is silenced.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

const send = (response: ParseResponse) => process.send?.(response);

// One file at a time, in the order they came: the pool may send the next file before this one is done (it then
// waits in the channel), and the time limit of each runs from its own `started` message.
let previous: Promise<void> = Promise.resolve();
process.on('message', (request: ParseRequest | PrepareRequest) => {
  previous = previous.then(async () => {
    send(await answer(request));
  });
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });

async function answer(request: ParseRequest | PrepareRequest): Promise<ParseResponse> {
  const source = request.kind === 'prepare' ? request.input.source : request.source;
  try {
    if (request.kind === 'prepare') return { id: request.id, prepared: await prepare(request) };
    const parser = await loadBuiltInParser(request.mediaType);
    if (!parser) throw new Error(`no built-in parser reads ${request.mediaType}`);
    send({ id: request.id, started: true });
    const parsed = await parser.parse({
      source: request.source,
      bytes: request.bytes,
      mediaType: request.mediaType,
      limits: request.limits,
    });
    return { id: request.id, parsed };
  } catch (error) {
    return { id: request.id, error: serializeError(error, source) };
  }
}

/** The caller's registry of built-in parsers, rebuilt here, by its types and limits (normally one). */
const registries = new Map<string, ParserRegistry>();
/** Built-in parsers loaded so far: each library loads on first use, so a process that reads Markdown loads no PDF code. */
const loadedParsers = new Map<string, Promise<DocumentParser>>();

async function prepare(request: PrepareRequest): Promise<PreparedDocument> {
  const [{ prepareInThisThread }, { ParserRegistry }] = await Promise.all([
    import('../../ingestion/prepare-document.js'),
    import('../parser-registry.js'),
  ]);
  const key = JSON.stringify([request.parserTypes, request.limits]);
  let registry = registries.get(key);
  if (!registry) {
    registry = new ParserRegistry({ limits: request.limits });
    for (const type of request.parserTypes)
      registry.register({ ...type, parse: (input) => parseWith(type.mediaType, input) });
    registries.set(key, registry);
  }
  send({ id: request.id, started: true });
  return prepareInThisThread(request.input, registry);
}

async function parseWith(mediaType: string, input: ParserInput): Promise<ParsedText> {
  let parser = loadedParsers.get(mediaType);
  if (!parser) {
    parser = loadBuiltInParser(mediaType).then((loaded) => {
      if (!loaded) throw new Error(`no built-in parser reads ${mediaType}`);
      return loaded;
    });
    loadedParsers.set(mediaType, parser);
  }
  return (await parser).parse(input);
}
