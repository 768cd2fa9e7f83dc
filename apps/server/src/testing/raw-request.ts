import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** What {@link rawRequest} got back. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request through `node:http`, for what `fetch` will not send: a chosen `Host` header, or a body written
 * in pieces (`body` as an async iterable, no `Content-Length` unless given). Resolves with the whole answer.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | AsyncIterable<Buffer> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    const { body } = options;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      request.end(body);
      return;
    }
    void (async () => {
      for await (const chunk of body) request.write(chunk);
      request.end();
    })().catch(reject);
  });
}

/** A multipart/form-data body with `files` (name → content) in the field `files`, and its Content-Type. */
export function multipartBody(files: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = 'andes-test-boundary';
  const parts = Object.entries(files).map(
    ([name, content]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
      `Content-Type: text/markdown\r\n\r\n${content}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
