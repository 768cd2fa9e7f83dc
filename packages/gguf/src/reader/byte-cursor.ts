/** Thrown by {@link ByteCursor} when a read runs past the bytes it holds. */
export class EndOfBytesError extends Error {
  constructor() {
    super('GGUF header ends before its declared contents');
    this.name = 'EndOfBytesError';
  }
}

/** Reads little-endian GGUF primitives from a buffer, front to back. */
export class ByteCursor {
  position = 0;

  constructor(private readonly buffer: Buffer) {}

  uint8(): number {
    return this.buffer.readUInt8(this.advance(1));
  }
  int8(): number {
    return this.buffer.readInt8(this.advance(1));
  }
  uint16(): number {
    return this.buffer.readUInt16LE(this.advance(2));
  }
  int16(): number {
    return this.buffer.readInt16LE(this.advance(2));
  }
  uint32(): number {
    return this.buffer.readUInt32LE(this.advance(4));
  }
  int32(): number {
    return this.buffer.readInt32LE(this.advance(4));
  }
  uint64(): bigint {
    return this.buffer.readBigUInt64LE(this.advance(8));
  }
  int64(): bigint {
    return this.buffer.readBigInt64LE(this.advance(8));
  }
  float32(): number {
    return this.buffer.readFloatLE(this.advance(4));
  }
  float64(): number {
    return this.buffer.readDoubleLE(this.advance(8));
  }

  /** A uint64 that must fit a JS number (a count or a size). */
  size(): number {
    const value = this.uint64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`GGUF size ${value} is too large`);
    return Number(value);
  }

  string(): string {
    const byteLength = this.size();
    const start = this.advance(byteLength);
    return this.buffer.toString('utf8', start, start + byteLength);
  }

  private advance(byteCount: number): number {
    const start = this.position;
    if (start + byteCount > this.buffer.length) throw new EndOfBytesError();
    this.position = start + byteCount;
    return start;
  }
}
