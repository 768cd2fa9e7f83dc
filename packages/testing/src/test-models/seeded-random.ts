/**
 * A deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * machine, so test models are identical byte for byte.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` values drawn uniformly from [-scale, scale]. */
export function randomValues(random: () => number, length: number, scale: number): Float32Array {
  const values = new Float32Array(length);
  for (let index = 0; index < length; index++) values[index] = (random() * 2 - 1) * scale;
  return values;
}
