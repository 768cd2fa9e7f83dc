/**
 * A child process of the corruption test (`test/e2e/corruption.test.ts`), run with `node --import tsx`: stores
 * fixture documents 0 … COUNT-1 (each acknowledged: its transaction committed), saves the vector index, prints
 * `DONE` and waits to be SIGKILLed, leaving the write-ahead log and its shared-memory index behind as a crash does.
 *
 * Arguments: DATA_DIR COUNT.
 */
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { fixtureWrite } from './corruption-fixtures.js';

const [dataDir, count] = process.argv.slice(2);
if (!dataDir || count === undefined) throw new Error('usage: write-and-hang.ts DATA_DIR COUNT');
const store = await SqliteKnowledgeStore.open({ dataDir, indexSaveDelayMs: 60_000 });
for (let index = 0; index < Number(count); index++) await store.putDocument(fixtureWrite(index));
await store.flush();
process.stdout.write('DONE\n');
setInterval(() => undefined, 60_000);
