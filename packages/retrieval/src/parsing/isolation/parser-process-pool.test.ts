import { afterEach, describe, expect, it } from 'vitest';
import { makeManyPagePdf } from '../../test-support/fixtures/make-pdf.js';
import { ParserProcessPool } from './parser-process-pool.js';

const encode = (text: string) => new TextEncoder().encode(text);
const html = (text: string) => ({
  source: 'page.html',
  mediaType: 'text/html',
  bytes: encode(`<h1>Title</h1><p>${text}</p>`),
  limits: {},
});

// Under vitest each new parser process loads the TypeScript sources through tsx, which takes a second or two: hence the
// generous test timeouts (no assertion here depends on speed).
describe('ParserProcessPool', () => {
  let pool: ParserProcessPool | undefined;
  afterEach(async () => pool?.close());

  it("parses in a child process, one file after another, and leaves the caller's bytes as they were", async () => {
    pool = new ParserProcessPool();
    const requests = ['First.', 'Second.', 'Third.'].map(html);
    const parsed = await Promise.all(requests.map((request) => pool?.parse(request)));
    expect(parsed.map((result) => result?.text)).toEqual([
      '# Title\n\nFirst.',
      '# Title\n\nSecond.',
      '# Title\n\nThird.',
    ]);
    expect(new TextDecoder().decode(requests[0]?.bytes)).toContain('First.');
  }, 30_000);

  it("passes on a parser's error with its code", async () => {
    pool = new ParserProcessPool();
    const broken = pool.parse({
      source: 'broken.pdf',
      mediaType: 'application/pdf',
      bytes: encode('%PDF-1.7 nothing else'),
      limits: {},
    });
    await expect(broken).rejects.toMatchObject({
      code: 'parse_failed',
      message: expect.stringContaining('broken.pdf'),
    });
  }, 30_000);

  it('stops a parse that runs past the time limit, fails only that file, and goes on with the next', async () => {
    pool = new ParserProcessPool({ limits: { timeoutMs: 300 } });
    const slow = pool.parse({
      source: 'manual.pdf',
      mediaType: 'application/pdf',
      bytes: makeManyPagePdf(2000),
      limits: { maxPages: 5000 },
    });
    const next = pool.parse({
      source: 'next.txt',
      mediaType: 'text/plain',
      bytes: encode('After the slow one.'),
      limits: {},
    });
    await expect(slow).rejects.toMatchObject({
      code: 'parse_failed',
      message: 'Parsing "manual.pdf" took longer than 0.3 s and was stopped.',
      details: { timeoutMs: 300 },
    });
    await expect(next).resolves.toEqual({ text: 'After the slow one.' });
  }, 30_000);

  it('sends a busy process its next files ahead, and gives them to a fresh process when that one is stopped', async () => {
    pool = new ParserProcessPool({ processes: 1, limits: { timeoutMs: 300 } });
    const slow = pool.parse({
      source: 'manual.pdf',
      mediaType: 'application/pdf',
      bytes: makeManyPagePdf(2000),
      limits: { maxPages: 5000 },
    });
    const waiting = ['Sent ahead.', 'Queued.'].map((text) => pool?.parse(html(text)));
    await expect(slow).rejects.toMatchObject({ code: 'parse_failed', details: { timeoutMs: 300 } });
    expect((await Promise.all(waiting)).map((parsed) => parsed?.text)).toEqual([
      '# Title\n\nSent ahead.',
      '# Title\n\nQueued.',
    ]);
  }, 30_000);

  it('stops a parse that needs more memory than allowed, as payload_too_large, without harm to this process', async () => {
    pool = new ParserProcessPool({ limits: { maxMemoryMb: 32 } });
    const bytes = new Uint8Array(48 * 1024 * 1024).fill(0x61);
    bytes.set(encode('id,note\n1,'));
    const huge = pool.parse({ source: 'huge.csv', mediaType: 'text/csv', bytes, limits: {} });
    await expect(huge).rejects.toMatchObject({
      code: 'payload_too_large',
      message: 'Parsing "huge.csv" needed more than 32 MiB of memory and was stopped.',
    });
    await expect(pool.parse(html('Still here.'))).resolves.toMatchObject({ text: '# Title\n\nStill here.' });
  }, 30_000);

  it('fails queued files when closed, and starts a fresh process when used again', async () => {
    pool = new ParserProcessPool();
    const queued = [pool.parse(html('One.')), pool.parse(html('Two.'))].map((result) =>
      result.catch((error: unknown) => error),
    );
    await pool.close();
    for (const result of queued) expect(await result).toMatchObject({ code: 'aborted' });
    await expect(pool.parse(html('Three.'))).resolves.toMatchObject({ text: '# Title\n\nThree.' });
  }, 30_000);
});
