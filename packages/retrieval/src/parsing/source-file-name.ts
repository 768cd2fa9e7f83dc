import { basename, extname } from 'node:path';

/** The lower-case extension of a source path, with the dot (`.md`), or `''`. Works on `/` and `\` paths. */
export function sourceExtension(source: string): string {
  return extname(sourceBaseName(source)).toLowerCase();
}

/** The file name of a source path without its extension: the title of a document that names none. */
export function sourceTitle(source: string): string {
  const name = sourceBaseName(source);
  const withoutExtension = name.slice(0, name.length - extname(name).length);
  return withoutExtension === '' ? name : withoutExtension;
}

function sourceBaseName(source: string): string {
  return basename(source.replaceAll('\\', '/'));
}
