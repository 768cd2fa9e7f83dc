import { parserLoaders } from './parser-loaders.js';
import type { PreparedDocument } from '../../ingestion/prepare-document.js';
import type { ParserRegistry } from '../parser-registry.js';
import { serializeError, type ParseRequest, type ParseResponse, type PrepareRequest } from './parse-messages.js';

// The entry point of a parser process (started by ParserProcessPool). It parses one file at a time with the
// built-in parser of the requested media type (loaded on first use), or prepares one (parses and chunks it), and
// sends back the result or the error. It exits when its parent goes away. A library never prints: the console (pdf.js may warn on broken files) is silenced.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

const send = (response: ParseResponse) => process.send?.(response);

process.on('message', (request: ParseRequest | PrepareRequest) => {
  void answer(request).then(send);
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });

async function answer(request: ParseRequest | PrepareRequest): Promise<ParseResponse> {
  const source = request.kind === 'prepare' ? request.input.source : request.source;
  try {
    if (request.kind === 'prepare') return { id: request.id, prepared: await prepare(request) };
    const load = parserLoaders.get(request.mediaType);
    if (!load) throw new Error(`no built-in parser reads ${request.mediaType}`);
    const parser = await load();
    send({ id: request.id, started: true });
    const parsed = await parser.parse({ source: request.source, bytes: request.bytes, mediaType: request.mediaType, limits: request.limits });
    return { id: request.id, parsed };
  } catch (error) {
    return { id: request.id, error: serializeError(error, source) };
  }
}

/** Registries of every built-in parser, in this process, by their limits (normally one). */
const registries = new Map<string, Promise<ParserRegistry>>();

async function prepare(request: PrepareRequest): Promise<PreparedDocument> {
  const key = JSON.stringify(request.limits);
  let registry = registries.get(key);
  if (!registry) {
    registry = import('../default-parser-registry.js').then((module) => module.createDefaultParserRegistry({ isolation: 'none', limits: request.limits }));
    registries.set(key, registry);
  }
  const { prepareInThisThread } = await import('../../ingestion/prepare-document.js');
  const parsers = await registry;
  send({ id: request.id, started: true });
  return prepareInThisThread(request.input, parsers);
}
