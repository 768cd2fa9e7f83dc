import { afterEach, describe, expect, it } from 'vitest';
import { prepareDocument, prepareInThisThread } from '../../ingestion/prepare-document.js';
import { createDefaultParserRegistry } from '../default-parser-registry.js';
import { plainTextParser } from '../plain-text-parser.js';
import type { ParserRegistry } from '../parser-registry.js';
import { preparationPool } from './preparation-pools.js';

const encode = (text: string) => new TextEncoder().encode(text);

function bigMarkdown(sections: number): string {
  const parts = Array.from(
    { length: sections },
    (_, index) => `## Part ${index}\n\nPart ${index} says one thing. And another.\n`,
  );
  return `# Guide\n\n${parts.join('\n')}`;
}

// Under vitest each parser process loads the TypeScript sources through tsx: generous timeouts, no assertion on speed.
describe('parsing and chunking in a parser process', () => {
  let registry: ParserRegistry | undefined;
  afterEach(async () => registry?.close());

  it('gives the same document and chunks as the calling thread, while this event loop keeps turning', async () => {
    registry = createDefaultParserRegistry({ processes: 1 });
    const input = { source: 'guide.md', bytes: encode(bigMarkdown(20_000)) };
    await prepareDocument({ source: 'warm-up.md', bytes: encode('# Warm up\n\nText.') }, registry);
    let turns = 0;
    let turning = true;
    const spin = () => {
      turns += 1;
      if (turning) setImmediate(spin);
    };
    setImmediate(spin);
    const prepared = await prepareDocument(input, registry);
    turning = false;
    // Chunking 20,000 sections takes this thread hundreds of milliseconds in one piece; in a parser process the loop
    // goes on turning meanwhile.
    expect(turns).toBeGreaterThan(50);
    const local = await prepareInThisThread(input, createDefaultParserRegistry({ isolation: 'none' }));
    expect(prepared.chunks).toHaveLength(20_000);
    expect(prepared).toEqual(local);
  }, 60_000);

  it('stops a file that runs past the time limit with parse_failed, and goes on with the next', async () => {
    registry = createDefaultParserRegistry({ processes: 1, limits: { timeoutMs: 1000 } });
    await prepareDocument({ source: 'warm-up.md', bytes: encode('# Warm up\n\nText.') }, registry);
    const slow = prepareDocument({ source: 'huge.md', bytes: encode(bigMarkdown(150_000)) }, registry);
    await expect(slow).rejects.toMatchObject({ code: 'parse_failed', message: expect.stringContaining('huge.md') });
    const next = await prepareDocument({ source: 'next.txt', bytes: encode('After the slow one.') }, registry);
    expect(next.chunks.map((chunk) => chunk.text)).toEqual(['After the slow one.']);
  }, 60_000);

  it('passes on parse errors with their code', async () => {
    registry = createDefaultParserRegistry({ processes: 1 });
    await expect(
      prepareDocument({ source: 'image.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) }, registry),
    ).rejects.toMatchObject({
      code: 'unsupported_file_type',
    });
  }, 60_000);

  it("stays in the calling thread once a parser of the caller's own is registered", () => {
    registry = createDefaultParserRegistry({ processes: 1 });
    expect(preparationPool(registry)).toBeDefined();
    registry.register({ ...plainTextParser, extensions: ['.txt', '.log'] });
    expect(preparationPool(registry)).toBeUndefined();
    expect(preparationPool(createDefaultParserRegistry({ isolation: 'none' }))).toBeUndefined();
  });
});
