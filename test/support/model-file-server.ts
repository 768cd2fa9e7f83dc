import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server serving one file at every path, the way Hugging Face's `resolve` URLs serve a model. */
export interface ModelFileServer {
  /** `http://127.0.0.1:PORT/` */
  endpoint: string;
  /** Bytes of file content written to clients so far. */
  bytesServed(): number;
  /** The `Range` headers of the GET requests so far (`''` for a whole-file request). */
  rangeRequests(): string[];
  /** When true, each response sends at most `stallAfterBytes` and then hangs, as a dropped connection would. */
  setStalling(stalling: boolean): void;
  close(): Promise<void>;
}

/** Options for {@link startModelFileServer}. */
export interface ModelFileServerOptions {
  /** The SHA-256 published as `X-Linked-ETag` (as Hugging Face does). Default: the file's real SHA-256. */
  publishedSha256?: string;
  /** How much of each response is sent before a stall. Default 6 MiB. */
  stallAfterBytes?: number;
}

/** Serves `file` with range requests, HEAD and a published checksum, on a free loopback port. */
export async function startModelFileServer(
  file: Buffer,
  options: ModelFileServerOptions = {},
): Promise<ModelFileServer> {
  const sha256 = options.publishedSha256 ?? createHash('sha256').update(file).digest('hex');
  const stallAfterBytes = options.stallAfterBytes ?? 6 * 2 ** 20;
  let stalling = false;
  let served = 0;
  const ranges: string[] = [];
  const server = http.createServer((request, response) => {
    const headers = {
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      'x-linked-etag': `"${sha256}"`,
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Number(range[2]) : file.length - 1;
    if (range) {
      response.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${file.length}`,
        'content-length': end - start + 1,
      });
    } else response.writeHead(200, { ...headers, 'content-length': file.length });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    ranges.push(request.headers.range ?? '');
    const body = file.subarray(start, end + 1);
    const limit = stalling ? Math.min(body.length, stallAfterBytes) : body.length;
    let closed = false;
    response.once('close', () => (closed = true));
    // Written in slices with backpressure, counting only what the client took: a client that drops a connection
    // early (a parallel downloader does) is not counted as having received the whole range.
    const writeFrom = (offset: number): void => {
      while (!closed && offset < limit) {
        const slice = body.subarray(offset, Math.min(offset + 64 * 1024, limit));
        offset += slice.length;
        served += slice.length;
        if (!response.write(slice)) {
          response.once('drain', () => writeFrom(offset));
          return;
        }
      }
      // A stalled response stays open and silent, as a dropped connection would.
      if (!closed && limit === body.length) response.end();
    };
    writeFrom(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    bytesServed: () => served,
    rangeRequests: () => [...ranges],
    setStalling: (value) => {
      stalling = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
