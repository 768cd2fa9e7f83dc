import { AndesError } from '@andes-rag/core';

/** Longest source name accepted, in characters. */
const maxSourceLength = 1024;

/**
 * The document source for an uploaded file's name. Keeps the relative path a browser sends for a folder upload
 * (`handbook/onboarding.md`) but can never point outside it: backslashes count as separators, and empty, `.` and
 * `..` segments, a leading `/` or drive letter, and control characters are dropped. Names are NFC-normalised so the
 * same file from macOS and Linux is the same document.
 *
 * Throws an AndesError `invalid_request` when nothing usable is left or the name is over 1024 characters.
 */
export function uploadSourceName(originalName: string): string {
  const segments = repairUtf8(originalName)
    .normalize('NFC')
    .replaceAll('\\', '/')
    .split('/')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .map((segment) => segment.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (segments.length > 0 && /^[A-Za-z]:$/.test(segments[0] ?? '')) segments.shift();
  const source = segments.join('/');
  if (source === '') {
    throw new AndesError('invalid_request', `The uploaded file name "${originalName}" has no usable name.`);
  }
  if (source.length > maxSourceLength) {
    throw new AndesError('invalid_request', `An uploaded file name is longer than ${maxSourceLength} characters.`, {
      details: { limit: maxSourceLength },
    });
  }
  return source;
}

/**
 * Browsers send file names as raw UTF-8 bytes, which busboy (under multer) decodes as Latin-1. When a name's
 * characters all fit in one byte and those bytes are valid UTF-8, decode them again as UTF-8; otherwise keep the name.
 */
function repairUtf8(name: string): string {
  const codes = Array.from(name, (character) => character.codePointAt(0) ?? 0);
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}
