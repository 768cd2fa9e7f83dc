import { parserLoaders } from './parser-loaders.js';
import { serializeError, type ParseRequest, type ParseResponse } from './parse-messages.js';

// The entry point of a parser process (started by ParserProcessPool). It parses one file at a time with the
// built-in parser of the requested media type (loaded on first use) and sends back the text or the error. It exits
// when its parent goes away. A library never prints: the console (pdf.js may warn on broken files) is silenced.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

const send = (response: ParseResponse) => process.send?.(response);

process.on('message', (request: ParseRequest) => {
  void answer(request).then(send);
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });

async function answer(request: ParseRequest): Promise<ParseResponse> {
  try {
    const load = parserLoaders.get(request.mediaType);
    if (!load) throw new Error(`no built-in parser reads ${request.mediaType}`);
    const parser = await load();
    const parsed = await parser.parse({ source: request.source, bytes: request.bytes, mediaType: request.mediaType, limits: request.limits });
    return { id: request.id, parsed };
  } catch (error) {
    return { id: request.id, error: serializeError(error, request.source) };
  }
}
