/**
 * Splits Debian Reference (Simplified Chinese, Debian package `debian-reference-zh-cn`) into one HTML file per
 * section. The package ships twelve chapters of 50–390 KB each; as documents they are too few for document-level
 * metrics to tell rankings apart, so the evaluation corpus is its 400-odd sections (headings `N.M` and `N.M.K`),
 * each a small HTML page named after its number (`3.2.1.html`) with the heading as its title.
 *
 * Run it by hand: `npx tsx test/eval/corpora/debian-reference-sections.ts OUTPUT_FOLDER`.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Debian installs the Simplified Chinese chapters. */
export const debianReferenceFolder = '/usr/share/debian-reference';

const chapterPattern = /^ch\d\d\.zh-cn\.html$/;
const headingPattern = /<h([23]) class="title">([\s\S]*?)<\/h\1>/g;

/** Plain text of an HTML fragment (tags dropped, the few entities DocBook writes decoded). */
function plainText(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** One section: its number (`3.2.1`), heading and HTML page. */
export interface ReferenceSection {
  number: string;
  title: string;
  html: string;
}

/** The sections of one chapter's HTML, each from its heading to the next `h2`/`h3` heading. */
export function splitChapter(chapterHtml: string): ReferenceSection[] {
  const headings = [...chapterHtml.matchAll(headingPattern)];
  return headings.flatMap((heading, index) => {
    const title = plainText(heading[2] ?? '');
    const number = /^(\d+(?:\.\d+)+)\./.exec(title)?.[1];
    if (number === undefined) return [];
    const end = headings[index + 1]?.index ?? chapterHtml.lastIndexOf('</body>');
    const body = chapterHtml.slice(heading.index, end);
    const escapedTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapedTitle}</title></head>\n<body>\n${body}\n</body></html>\n`;
    return [{ number, title, html }];
  });
}

/** Writes every section of every chapter under `outputFolder`; returns how many were written. */
export async function writeDebianReferenceSections(
  outputFolder: string,
  sourceFolder = debianReferenceFolder,
): Promise<number> {
  await mkdir(outputFolder, { recursive: true });
  let written = 0;
  for (const name of (await readdir(sourceFolder)).filter((file) => chapterPattern.test(file)).sort()) {
    for (const section of splitChapter(await readFile(path.join(sourceFolder, name), 'utf8'))) {
      await writeFile(path.join(outputFolder, `${section.number}.html`), section.html);
      written += 1;
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = process.argv[2];
  if (output === undefined) {
    console.error('usage: npx tsx test/eval/corpora/debian-reference-sections.ts OUTPUT_FOLDER');
    process.exit(2);
  }
  console.log(`${await writeDebianReferenceSections(output)} sections written to ${output}`);
}
