import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Knows which connections of a server are busy, so a shutdown can end idle ones at once and busy ones as soon as
 * their responses are done. Node's own `closeIdleConnections` misses connections a client opened but has not used
 * yet (fetch and browsers open spare ones), which would hold `server.close()` until the client's keep-alive timeout.
 */
export class ConnectionTracker {
  /** Every open connection, with how many of its requests are still being answered. */
  readonly #inFlight = new Map<Socket, number>();
  #draining = false;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#inFlight.set(socket, 0);
      socket.once('close', () => this.#inFlight.delete(socket));
    });
    server.on('request', (request, response) => {
      const socket = request.socket;
      this.#inFlight.set(socket, (this.#inFlight.get(socket) ?? 0) + 1);
      response.once('close', () => {
        if (!this.#inFlight.has(socket)) return;
        const left = (this.#inFlight.get(socket) ?? 1) - 1;
        this.#inFlight.set(socket, left);
        if (this.#draining && left === 0) socket.end();
      });
    });
  }

  /** Ends idle connections now, and each busy one once its last response is done. */
  drain(): void {
    this.#draining = true;
    for (const [socket, inFlight] of this.#inFlight) if (inFlight === 0) socket.end();
  }

  /** Destroys every connection still open, cutting off its requests. */
  destroyAll(): void {
    for (const socket of this.#inFlight.keys()) socket.destroy();
  }
}
