/**
 * The child process of the durability test (`test/e2e/durability.test.ts`), run with `node --import tsx`:
 * opens the store through `openAndes` and ingests generated documents one at a time, forever, printing
 * `BEGIN <operation>` before each ingest and `ACK <operation>` once it is acknowledged (stored), until killed.
 *
 * Arguments: DATA_DIR EMBEDDING_MODEL FIRST_OPERATION. Each line is written with `writeSync` on fd 1, so it is in
 * the pipe before the next step starts (`process.stdout` writes to a pipe are asynchronous on POSIX, and a SIGKILL
 * drops what they still queue): a BEGIN line always precedes its write, and an ACK the test reads was printed after
 * the ingest resolved.
 */
import { writeSync } from 'node:fs';
import { loadConfig, openAndes } from '@andes-rag/runtime';
import { generatedWrite } from './generated-documents.js';

/** Writes one line to stdout before returning. */
function printLine(line: string): void {
  writeSync(1, `${line}\n`);
}

const [dataDir, embeddingModelPath, first] = process.argv.slice(2);
if (!dataDir || !embeddingModelPath || first === undefined) {
  throw new Error('usage: ingest-until-killed.ts DATA_DIR EMBEDDING_MODEL FIRST_OPERATION');
}
const runtime = await openAndes(loadConfig({ dataDir, embeddingModelPath, threads: 1, gpu: 'cpu' }, {}));
printLine('READY');
for (let operation = Number(first); ; operation++) {
  const write = generatedWrite(operation);
  printLine(`BEGIN ${operation}`);
  const report = await runtime.ingest('durable', [{ source: write.source, bytes: write.bytes }]);
  const [result] = report.files;
  if (result?.status !== 'created' && result?.status !== 'updated') {
    throw new Error(`operation ${operation}: ${JSON.stringify(result)}`);
  }
  printLine(`ACK ${operation}`);
}
