import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The lower-case hex SHA-256 of a file, read as a stream (model files are gigabytes). */
export async function fileSha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
