import { createHash } from 'node:crypto';
import { AndesError } from '@andes/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseDocument', () => {
  it('reads markdown as written, titled by its first level-1 heading, versioned by the SHA-256 of the bytes', async () => {
    const markdown = '---\ntitle: Front matter title\n---\nIntro line.\r\n\r\n# Laptop Policy\r\n\r\n## Returns\r\nGive it back.\r\n';
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
    const withFrontMatter = await parseDocument({ source: 'a.markdown', bytes: encode('---\ntitle: "Onboarding"\n---\n## Day one\nHello.') });
    expect(withFrontMatter.title).toBe('Onboarding');
    const plain = await parseDocument({ source: 'notes\\release-notes.md', bytes: encode('## Only a subheading\nText.') });
    expect(plain.title).toBe('release-notes');
  });

  it('reads plain text titled by its file name, and drops a UTF-8 byte-order mark', async () => {
    const document = await parseDocument({ source: '/srv/docs/Wi-Fi setup.TXT', bytes: encode('\uFEFFConnect to "acme-corp".') });
    expect(document).toMatchObject({ title: 'Wi-Fi setup', mediaType: 'text/plain', text: 'Connect to "acme-corp".' });
  });

  it('prefers a specific declared media type over the extension, and ignores a generic one', async () => {
    const declared = await parseDocument({ source: 'upload.bin', bytes: encode('# Hi\ntext'), mediaType: 'text/markdown; charset=utf-8' });
    expect(declared.mediaType).toBe('text/markdown');
    const generic = await parseDocument({ source: 'page.html', bytes: encode('<p>Hello there</p>'), mediaType: 'application/octet-stream' });
    expect(generic.mediaType).toBe('text/html');
  });

  it.each([
    ['a PDF named .md', 'report.md', encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
    ['a ZIP named .txt', 'notes.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['NUL bytes', 'data.txt', new Uint8Array([0x68, 0x69, 0x00, 0x21])],
    ['UTF-16 text', 'utf16.txt', new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00])],
    ['invalid UTF-8', 'latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61])],
    ['an unknown extension', 'photo.docx', encode('plain words')],
    ['no extension', 'Makefile', encode('all: build')],
  ])('rejects %s as unsupported_file_type, naming the supported types', async (_name, source, bytes) => {
    const error: unknown = await parseDocument({ source, bytes }).catch((caught: unknown) => caught);
    expect(AndesError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect((error as Error).message).toContain(source);
    expect((error as Error).message).toContain('.md, .markdown (text/markdown)');
    expect((error as Error).message).toContain('.html, .htm (text/html)');
  });

  it('rejects an empty or blank file as parse_failed', async () => {
    await expect(parseDocument({ source: 'empty.md', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'parse_failed' });
    await expect(parseDocument({ source: 'blank.txt', bytes: encode(' \n\t\n') })).rejects.toMatchObject({ code: 'parse_failed' });
  });
});
