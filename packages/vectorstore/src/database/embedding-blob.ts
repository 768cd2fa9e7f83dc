/** The bytes of a vector as stored in `chunks.embedding`: float32, in the machine's byte order (little-endian). */
export function embeddingToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Reads a stored embedding back. Copies, because SQLite's buffer need not be 4-byte aligned. */
export function blobToEmbedding(blob: Uint8Array): Float32Array {
  const vector = new Float32Array(blob.byteLength / Float32Array.BYTES_PER_ELEMENT);
  new Uint8Array(vector.buffer).set(blob.subarray(0, vector.byteLength));
  return vector;
}
