import { authorizationHeaders } from './api-client.js';
import { ApiError, unreachableError } from './api-error.js';
import type { IngestFileResult } from './api-types.js';

/** What {@link uploadFile} sends besides the file. */
export interface UploadOptions {
  collection: string;
  /** Comma-separated tags. Default: none. */
  tags?: string;
  /** Comma-separated principals (`group:hr`). Default: every reader of the collection. */
  access?: string;
  /** Called as bytes go out, with the fraction sent (0 to 1). */
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file as multipart (`files`), with upload progress. `fetch` cannot report upload progress, so this is
 * the one call made with `XMLHttpRequest`. Resolves with the file's result; rejects with an `ApiError`.
 */
export function uploadFile(file: File, options: UploadOptions): Promise<IngestFileResult> {
  const form = new FormData();
  form.append('files', file, file.name);
  if (options.tags) form.append('tags', options.tags);
  if (options.access) form.append('access', options.access);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/collections/${encodeURIComponent(options.collection)}/documents`);
    for (const [name, value] of Object.entries(authorizationHeaders())) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(unreachableError());
    request.onabort = () => reject(new DOMException('Upload cancelled.', 'AbortError'));
    request.onload = () => {
      const body = request.response as {
        files?: IngestFileResult[];
        error?: { code: string; message: string; details?: { report?: { files?: IngestFileResult[] } } };
      } | null;
      const result = body?.files?.[0] ?? body?.error?.details?.report?.files?.[0];
      if (request.status >= 200 && request.status < 300 && result !== undefined) {
        options.onProgress(1);
        resolve(result);
        return;
      }
      const message = result?.error?.message ?? body?.error?.message ?? `Upload failed (${request.status}).`;
      reject(new ApiError(result?.error?.code ?? body?.error?.code ?? 'error', message, request.status));
    };
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}
