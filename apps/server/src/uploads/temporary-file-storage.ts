import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { UploadLease } from './upload-lease.js';

/**
 * A multer storage engine that streams each uploaded file to a new temporary file in `directory` (never holding
 * it in memory), records it on the request's {@link UploadLease} for deletion, and charges the lease as bytes
 * arrive when the body had no `Content-Length`. multer's `DiskStorage` cannot do the charging, hence this one.
 */
export class TemporaryFileStorage implements StorageEngine {
  private readonly leases = new WeakMap<Request, UploadLease>();

  /** @param directory where temporary files go (created on first use); see `upload-directory.ts` */
  constructor(private readonly directory: string) {}

  /** Associates the lease of `request`, before multer runs. */
  attach(request: Request, lease: UploadLease): void {
    this.leases.set(request, lease);
  }

  _handleFile(
    request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const lease = this.leases.get(request);
    const target = path.join(this.directory, `${randomUUID()}.upload`);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        try {
          lease?.charge(chunk.length);
          size += chunk.length;
          next(null, chunk);
        } catch (error) {
          next(error as Error);
        }
      },
    });
    const write = async () => {
      await mkdir(this.directory, { recursive: true });
      lease?.track(target);
      await pipeline(file.stream, counter, createWriteStream(target, { flags: 'wx' }));
    };
    write().then(
      () => callback(undefined, { path: target, size }),
      (error: unknown) => {
        // Let multer carry on draining the request; the lease deletes the partial file.
        file.stream.resume();
        callback(error);
      },
    );
  }

  _removeFile(_request: Request, _file: Express.Multer.File, callback: (error: Error | null) => void): void {
    // The lease deletes every file it tracked, at the end of the request.
    callback(null);
  }
}
