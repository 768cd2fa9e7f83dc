import { AndesError } from '@andes-rag/core';
import type { IngestReport } from '@andes-rag/runtime';
import { isAndesErrorCode } from '../http/error-status.js';

/**
 * The status for an ingest report: 201 when every file was stored (or already was, unchanged), 200 when some failed
 * (the report says which; 207 Multi-Status is WebDAV's and clients handle it poorly). When every file failed it
 * throws an AndesError with the first failure's code (e.g. `unsupported_file_type` → 415) and the report in `details`.
 */
export function ingestResponseStatus(report: IngestReport): 200 | 201 {
  const failures = report.files.filter((file) => file.status === 'failed');
  if (failures.length === 0) return 201;
  if (failures.length < report.files.length) return 200;
  const first = failures[0]?.error;
  const code = first !== undefined && isAndesErrorCode(first.code) ? first.code : 'internal_error';
  const reason = first?.message ?? 'unknown error';
  const message =
    failures.length === 1 ? `The file was not ingested: ${reason}` : `No file was ingested. First failure: ${reason}`;
  throw new AndesError(code, message, { details: { report } });
}
