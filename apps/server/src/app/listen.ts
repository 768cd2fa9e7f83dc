import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AndesError } from '@andes-rag/core';

/**
 * Starts `server` listening and resolves with its base URL once it does. An unspecified host (`0.0.0.0`, `::`)
 * is reported as the loopback address, which reaches it from this machine. A port in use or a host that cannot be
 * bound rejects with an AndesError `invalid_request` naming both.
 */
export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      reject(
        new AndesError('invalid_request', `Cannot listen on ${host}:${port}: ${error.message}`, {
          cause: error,
          details: { host, port },
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(urlOf(server.address() as AddressInfo));
    });
  });
}

function urlOf(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return `http://127.0.0.1:${address.port}`;
  if (address.address === '::') return `http://[::1]:${address.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
