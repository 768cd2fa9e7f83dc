const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * The SHA-256 a server publishes for a file, when it does: Hugging Face answers a `resolve` URL with the LFS object's
 * SHA-256 as `X-Linked-ETag` (or `ETag`) before redirecting to storage. Read from a HEAD request that does not follow
 * the redirect; undefined when the header is absent, not a SHA-256, or the request fails (the download itself then
 * reports the failure).
 */
export async function publishedSha256(url: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'manual', ...(signal ? { signal } : {}) });
    for (const header of ['x-linked-etag', 'etag']) {
      const value = response.headers.get(header)?.replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
      if (value && sha256Pattern.test(value)) return value;
    }
  } catch {
    // No published checksum to compare with; the download reports an unreachable server on its own.
  }
  return undefined;
}
