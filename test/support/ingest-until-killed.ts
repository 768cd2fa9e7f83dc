/**
 * The child process of the durability test (`test/e2e/durability.test.ts`), run with `node --import tsx`:
 * opens the store through `openAndes` and ingests generated documents one at a time, forever, printing
 * `BEGIN <operation>` before each ingest and `ACK <operation>` once it is acknowledged (stored), until killed.
 *
 * Arguments: DATA_DIR EMBEDDING_MODEL FIRST_OPERATION. Writes to a pipe are synchronous on POSIX, so an ACK the
 * test reads was printed after the ingest resolved, and one the process never printed was never acknowledged.
 */
import { loadConfig, openAndes } from '@andes-rag/runtime';
import { generatedWrite } from './generated-documents.js';

const [dataDir, embeddingModelPath, first] = process.argv.slice(2);
if (!dataDir || !embeddingModelPath || first === undefined) {
  throw new Error('usage: ingest-until-killed.ts DATA_DIR EMBEDDING_MODEL FIRST_OPERATION');
}
const runtime = await openAndes(loadConfig({ dataDir, embeddingModelPath, threads: 1, gpu: 'cpu' }, {}));
process.stdout.write('READY\n');
for (let operation = Number(first); ; operation++) {
  const write = generatedWrite(operation);
  process.stdout.write(`BEGIN ${operation}\n`);
  const report = await runtime.ingest('durable', [{ source: write.source, bytes: write.bytes }]);
  const [result] = report.files;
  if (result?.status !== 'created' && result?.status !== 'updated') {
    throw new Error(`operation ${operation}: ${JSON.stringify(result)}`);
  }
  process.stdout.write(`ACK ${operation}\n`);
}
