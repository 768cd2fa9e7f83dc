import { AndesError } from '@andes-rag/core';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileFiles } from '../test-support/fixtures/hostile-files.js';
import { createDefaultParserRegistry } from './default-parser-registry.js';
import { parseDocument } from './parse-document.js';

// The corpus of bad files (`src/test-support/fixtures/hostile-files.ts`), through the default registry: HTML, CSV,
// PDF and DOCX parse in a child process.
describe('hostile files', async () => {
  const parsers = createDefaultParserRegistry();
  afterAll(() => parsers.close());
  const files = await hostileFiles();

  it.each(files.filter((file) => file.rejectedWith).map((file) => [file.name, file] as const))(
    'rejects %s with a clear error',
    async (_name, file) => {
      const error: unknown = await parseDocument({ source: file.source, bytes: file.bytes, parsers }).catch(
        (caught: unknown) => caught,
      );
      expect(AndesError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: file.rejectedWith });
      expect((error as Error).message).toContain(file.source);
    },
  );

  it.each(files.filter((file) => file.processed).map((file) => [file.name, file] as const))(
    'processes %s within the limits',
    async (_name, file) => {
      const document = await parseDocument({ source: file.source, bytes: file.bytes, parsers });
      expect(document.text).toContain(file.processed?.contains);
      for (const excluded of file.processed?.excludes ?? []) expect(document.text).not.toContain(excluded);
      expect((document.warnings ?? []).map((warning) => warning.code).sort()).toEqual(
        [...(file.processed?.warnings ?? [])].sort(),
      );
    },
  );

  it('explains each rejection: the zip bomb, the zip slip, the page limit', async () => {
    const messages = new Map<string, string>();
    for (const file of files.filter((candidate) => candidate.rejectedWith)) {
      const error = (await parseDocument({ source: file.source, bytes: file.bytes, parsers }).catch(
        (caught: unknown) => caught,
      )) as Error;
      messages.set(file.source, error.message);
    }
    expect(messages.get('bomb.docx')).toMatch(/would inflate \d+-fold; the limit is 200 \(a zip bomb\)/);
    expect(messages.get('slip.docx')).toMatch(/climbs out of the archive with "\.\." \(zip slip\)/);
    expect(messages.get('manual.pdf')).toBe('"manual.pdf" has 2000 pages; the limit is 1000.');
    expect(messages.get('truncated.pdf')).toMatch(/not a valid PDF/);
  });
});
