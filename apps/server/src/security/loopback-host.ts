import { isIP } from 'node:net';

/** Host names that always mean this machine. */
export const loopbackNames: readonly string[] = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** True for `localhost`, any 127.0.0.0/8 address and `::1` (bracketed or not). */
export function isLoopbackHost(host: string): boolean {
  const name = stripBrackets(host.trim().toLowerCase());
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (name === '::ffff:127.0.0.1') return true;
  return isIP(name) === 6 && normalizeIpv6(name) === '::1';
}

/** True for the addresses that mean "every interface": `0.0.0.0` and `::`. */
export function isWildcardHost(host: string): boolean {
  const name = stripBrackets(host.trim().toLowerCase());
  return name === '0.0.0.0' || (isIP(name) === 6 && normalizeIpv6(name) === '::');
}

/** `[::1]` → `::1`; anything else unchanged. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Collapses an IPv6 address's zero groups well enough to recognise `::1` and `::` written out in full. */
function normalizeIpv6(address: string): string {
  const groups = new URL(`http://[${address}]/`).hostname;
  return stripBrackets(groups);
}
