import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getEmbeddingsPath } from '@sap-ux/fiori-docs-embeddings';

/** The 778 real 384-dimensional all-MiniLM-L6-v2 vectors of SAP Fiori documents shipped by @sap-ux/fiori-docs-embeddings. */
export async function loadRealEmbeddings(): Promise<{ vectors: Float32Array[]; dimensions: number; model: string }> {
  const directory = getEmbeddingsPath();
  const metadata = JSON.parse(await readFile(path.join(directory, 'metadata.json'), 'utf8')) as {
    dimensions: number;
    totalVectors: number;
    model: string;
  };
  // embeddings.bin: totalVectors × dimensions little-endian float32, in records.jsonl order.
  const bytes = await readFile(path.join(directory, 'embeddings.bin'));
  if (bytes.byteLength !== metadata.totalVectors * metadata.dimensions * 4)
    throw new Error('unexpected embeddings.bin size');
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const vectors = Array.from({ length: metadata.totalVectors }, (_unused, index) =>
    normalize(all.slice(index * metadata.dimensions, (index + 1) * metadata.dimensions)),
  );
  return { vectors, dimensions: metadata.dimensions, model: metadata.model };
}

/** Scales a vector to unit length (in place) and returns it. */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}

/** A seeded pseudo-random generator (mulberry32), so every run derives the same vectors. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` vectors derived from real ones, keeping their clustered, anisotropic structure: each is a random mix
 * w·a + (1 − w)·b of two real vectors (w from 0.6 to 1), plus Gaussian noise of standard deviation `noise` per
 * dimension, normalised.
 */
export function deriveVectors(
  real: readonly Float32Array[],
  count: number,
  seed: number,
  noise = 0.01,
): Float32Array[] {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const pick = () => real[Math.floor(random() * real.length)] as Float32Array;
  return Array.from({ length: count }, () => {
    const [first, second, weight] = [pick(), pick(), 0.6 + 0.4 * random()];
    const vector = new Float32Array(first.length);
    for (let index = 0; index < vector.length; index += 1) {
      vector[index] = weight * (first[index] ?? 0) + (1 - weight) * (second[index] ?? 0) + noise * gaussian();
    }
    return normalize(vector);
  });
}
