/**
 * A growable little-endian byte buffer for building a GGUF header (metadata and tensor infos) in memory.
 */
export class ByteSink {
  private buffer = Buffer.alloc(1 << 16);
  private length = 0;

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** A view of the bytes written so far (valid until the next write). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  uint8(value: number): void {
    this.reserve(1).writeUInt8(value, this.length - 1);
  }
  int8(value: number): void {
    this.reserve(1).writeInt8(value, this.length - 1);
  }
  uint16(value: number): void {
    this.reserve(2).writeUInt16LE(value, this.length - 2);
  }
  int16(value: number): void {
    this.reserve(2).writeInt16LE(value, this.length - 2);
  }
  uint32(value: number): void {
    this.reserve(4).writeUInt32LE(value, this.length - 4);
  }
  int32(value: number): void {
    this.reserve(4).writeInt32LE(value, this.length - 4);
  }
  uint64(value: number | bigint): void {
    this.reserve(8).writeBigUInt64LE(BigInt(value), this.length - 8);
  }
  int64(value: number | bigint): void {
    this.reserve(8).writeBigInt64LE(BigInt(value), this.length - 8);
  }
  float32(value: number): void {
    this.reserve(4).writeFloatLE(value, this.length - 4);
  }
  float64(value: number): void {
    this.reserve(8).writeDoubleLE(value, this.length - 8);
  }

  /** A GGUF string: its UTF-8 byte length as uint64, then the bytes (no terminator). */
  string(value: string): void {
    const byteLength = Buffer.byteLength(value, 'utf8');
    this.uint64(byteLength);
    this.reserve(byteLength).write(value, this.length - byteLength, 'utf8');
  }

  /** Zero bytes up to the next multiple of `alignment`. */
  padTo(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding).fill(0, this.length - padding, this.length);
  }

  /** Makes room for `byteCount` more bytes, advances the length over them, and returns the buffer. */
  private reserve(byteCount: number): Buffer {
    const needed = this.length + byteCount;
    if (needed > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length = needed;
    return this.buffer;
  }
}
