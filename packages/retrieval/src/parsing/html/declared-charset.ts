/** How far into a page the charset declaration is looked for, as the HTML standard's prescan does. */
const prescanBytes = 1024;
const metaCharsetPattern = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * The encoding an HTML page declares in its first KiB — `<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">` — or undefined.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, prescanBytes)).toString('latin1');
  return metaCharsetPattern.exec(head)?.[1]?.toLowerCase();
}
