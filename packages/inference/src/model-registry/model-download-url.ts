import { AndesError } from '@andes-rag/core';

/** Hugging Face's address, used when no endpoint is configured. */
export const defaultHuggingFaceEndpoint = 'https://huggingface.co/';

/**
 * The HTTP URL a model URI downloads from: an `http(s)://` URL as given; `hf:OWNER/REPO/PATH/FILE.gguf[#BRANCH]`
 * as `ENDPOINT/OWNER/REPO/resolve/BRANCH/PATH/FILE.gguf` (branch `main` by default), the layout node-llama-cpp's
 * downloader uses for the same URI.
 *
 * @throws AndesError `invalid_request` for an `hf:` URI that names no file.
 */
export function modelDownloadUrl(uri: string, huggingFaceEndpoint = defaultHuggingFaceEndpoint): string {
  if (!uri.toLowerCase().startsWith('hf:')) return uri;
  const [location = '', branch = 'main'] = uri.slice('hf:'.length).split('#');
  const [owner, repository, ...filePath] = location.split('/').filter((part) => part !== '');
  if (!owner || !repository || filePath.length === 0 || !filePath.at(-1)?.toLowerCase().endsWith('.gguf')) {
    throw new AndesError(
      'invalid_request',
      `A Hugging Face model URI names a file: hf:OWNER/REPO/FILE.gguf (got ${uri})`,
      {
        details: { uri },
      },
    );
  }
  const endpoint = huggingFaceEndpoint.endsWith('/') ? huggingFaceEndpoint : `${huggingFaceEndpoint}/`;
  return `${endpoint}${owner}/${repository}/resolve/${encodeURIComponent(branch)}/${filePath.map(encodeURIComponent).join('/')}`;
}
