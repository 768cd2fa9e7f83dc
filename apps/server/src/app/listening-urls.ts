import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { isWildcardHost } from '../security/loopback-host.js';

/**
 * Every URL a bound server can be reached at. A specific address is one URL; a wildcard lists each interface's
 * addresses (`0.0.0.0`: the IPv4 ones; `::`: IPv4 and IPv6, as Node listens dual-stack), loopback first.
 * IPv6 link-local addresses are left out: they need a zone and browsers do not take them.
 */
export function listeningUrls(address: AddressInfo): string[] {
  const { port } = address;
  if (address.address !== '0.0.0.0' && address.address !== '::') return [urlFor(address.address, address.family, port)];
  const families = address.address === '::' ? ['IPv4', 'IPv6'] : ['IPv4'];
  const found = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => families.includes(entry.family) && !entry.address.toLowerCase().startsWith('fe80:'))
    .sort((left, right) => Number(right.internal) - Number(left.internal))
    .map((entry) => urlFor(entry.address, entry.family, port));
  return found.length > 0 ? found : [urlFor(address.family === 'IPv6' ? '::1' : '127.0.0.1', address.family, port)];
}

function urlFor(host: string, family: string, port: number): string {
  return family === 'IPv6' ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * One line for the start banner that says where the server really listens: `listening on 127.0.0.1:3000 only`,
 * or for a wildcard bind `listening on all interfaces, port 3000: http://127.0.0.1:3000, http://192.0.2.2:3000`.
 */
export function listeningSummary(host: string, urls: readonly string[]): string {
  const first = urls[0] ?? '';
  if (!isWildcardHost(host)) return `listening on ${first} only`;
  const port = first === '' ? '' : new URL(first).port;
  return `listening on all interfaces, port ${port}: ${urls.join(', ')}`;
}
