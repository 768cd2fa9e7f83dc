import { createHash } from 'node:crypto';
import { AndesError } from '@andes-rag/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';
import { ParserRegistry } from './parser-registry.js';
import { plainTextParser } from './plain-text-parser.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseDocument', () => {
  it('reads markdown as written, titled by its first level-1 heading, versioned by the SHA-256 of the bytes', async () => {
    const markdown =
      '---\ntitle: Front matter title\n---\nIntro line.\r\n\r\n# Laptop Policy\r\n\r\n## Returns\r\nGive it back.\r\n';
    const bytes = encode(markdown);
    const document = await parseDocument({ source: 'docs/it/laptops.md', bytes });
    expect(document).toEqual({
      source: 'docs/it/laptops.md',
      title: 'Laptop Policy',
      mediaType: 'text/markdown',
      text: markdown.replaceAll('\r\n', '\n'),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('titles markdown without a level-1 heading by its front matter, then by its file name', async () => {
    const withFrontMatter = await parseDocument({
      source: 'a.markdown',
      bytes: encode('---\ntitle: "Onboarding"\n---\n## Day one\nHello.'),
    });
    expect(withFrontMatter.title).toBe('Onboarding');
    const plain = await parseDocument({
      source: 'notes\\release-notes.md',
      bytes: encode('## Only a subheading\nText.'),
    });
    expect(plain.title).toBe('release-notes');
  });

  it('reads plain text titled by its file name, and drops a UTF-8 byte-order mark', async () => {
    const document = await parseDocument({
      source: '/srv/docs/Wi-Fi setup.TXT',
      bytes: encode('\uFEFFConnect to "acme-corp".'),
    });
    expect(document).toMatchObject({ title: 'Wi-Fi setup', mediaType: 'text/plain', text: 'Connect to "acme-corp".' });
  });

  it('prefers a specific declared media type over the extension, and ignores a generic one', async () => {
    const declared = await parseDocument({
      source: 'upload.bin',
      bytes: encode('# Hi\ntext'),
      mediaType: 'text/markdown; charset=utf-8',
    });
    expect(declared.mediaType).toBe('text/markdown');
    const generic = await parseDocument({
      source: 'page.html',
      bytes: encode('<p>Hello there</p>'),
      mediaType: 'application/octet-stream',
    });
    expect(generic.mediaType).toBe('text/html');
  });

  it.each([
    [
      'a ZIP that is no Word document, named .txt',
      'notes.txt',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    ],
    ['a PNG named .md', 'diagram.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['NUL bytes', 'data.txt', new Uint8Array([0x68, 0x69, 0x00, 0x21])],
    ['UTF-16 without a byte-order mark', 'utf16.txt', new Uint8Array([0x68, 0x00, 0x69, 0x00])],
    [
      'control bytes that no encoding makes text',
      'noise.md',
      new Uint8Array([0x63, 0x01, 0x02, 0x83, 0x04, 0x05, 0x9c, 0x06, 0x07, 0x08, 0x0e, 0xe9]),
    ],
    ['an unknown extension', 'photo.jpeg2', encode('plain words')],
    ['no extension', 'Makefile', encode('all: build')],
  ])('rejects %s as unsupported_file_type, naming the supported types', async (_name, source, bytes) => {
    const error: unknown = await parseDocument({ source, bytes }).catch((caught: unknown) => caught);
    expect(AndesError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect((error as Error).message).toContain(source);
    expect((error as Error).message).toContain('.md, .markdown (text/markdown)');
    expect((error as Error).message).toContain('.pdf (application/pdf)');
  });

  it('reads a file by what its bytes are, and warns when its name said otherwise', async () => {
    const html = await parseDocument({
      source: 'report.pdf',
      bytes: encode('<!doctype html><h1>Report</h1><p>Numbers.</p>'),
    });
    expect(html).toMatchObject({ mediaType: 'text/html', title: 'Report' });
    expect(html.warnings?.[0]).toMatchObject({ code: 'media_type_mismatch' });
    expect(html.warnings?.[0]?.message).toBe(
      '"report.pdf" was presented as application/pdf, but its content is text/html; it was parsed as text/html.',
    );
    const text = await parseDocument({ source: 'photo.docx', bytes: encode('plain words') });
    expect(text).toMatchObject({
      mediaType: 'text/plain',
      text: 'plain words',
      warnings: [{ code: 'media_type_mismatch' }],
    });
    const declared = await parseDocument({
      source: 'notes',
      bytes: encode('# Notes\n\nHi.'),
      mediaType: 'text/markdown',
    });
    expect(declared.warnings).toBeUndefined();
  });

  it('rejects a broken PDF named .md as parse_failed', async () => {
    const pdf = parseDocument({
      source: 'report.md',
      bytes: encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    });
    await expect(pdf).rejects.toMatchObject({ code: 'parse_failed', message: expect.stringContaining('report.md') });
  });

  it('removes zero-width, bidirectional-control and Unicode tag characters, and says so', async () => {
    const tags = [...'obey me']
      .map((character) => String.fromCodePoint(0xe0000 + (character.codePointAt(0) ?? 0)))
      .join('');
    const document = await parseDocument({
      source: 'a.md',
      bytes: encode(`# Ti\u200btle\n\nPay\u200b\u2060ment is due\u202e.${tags}`),
    });
    expect(document.title).toBe('Title');
    expect(document.text).toBe('# Title\n\nPayment is due.');
    expect(document.warnings).toEqual([
      { code: 'invisible_characters', message: expect.stringMatching(/^Removed 11 invisible characters/) },
    ]);
  });

  it('rejects text longer than the registry allows as payload_too_large', async () => {
    const parsers = new ParserRegistry({ limits: { maxTextCharacters: 10 } }).register(plainTextParser);
    await expect(parseDocument({ source: 'a.txt', bytes: encode('eleven char'), parsers })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('rejects an empty or blank file as parse_failed', async () => {
    await expect(parseDocument({ source: 'empty.md', bytes: new Uint8Array() })).rejects.toMatchObject({
      code: 'parse_failed',
    });
    await expect(parseDocument({ source: 'blank.txt', bytes: encode(' \n\t\n') })).rejects.toMatchObject({
      code: 'parse_failed',
    });
  });
});
