// A new user's program against the public API of the packed @andes-rag/runtime, run by
// test/e2e/pack-install.test.ts in a scratch project outside the workspace: ingest bytes and a folder, search, ask
// extractively (no model), and reach the store through `components`. Prints one JSON line.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAndes, type Andes, type IngestReport } from '@andes-rag/runtime';

const dataDir = await mkdtemp(path.join(tmpdir(), 'andes-library-data-'));
const andes: Andes = await openAndes({ dataDir });
try {
  const leave = 'Full-time employees get 25 days of paid leave per year.';
  const fromBytes: IngestReport = await andes.ingest('handbook', [
    { source: 'leave.txt', bytes: new TextEncoder().encode(leave) },
  ]);
  const fromFolder = await andes.ingestPaths('handbook', ['docs']);
  const hits = await andes.search({ collection: 'handbook', query: 'hotel cap Berlin', k: 3 });
  const answer = await andes.ask({ collection: 'handbook', question: 'How many days of paid leave do employees get?' });
  const documents = await andes.components.store.listDocuments('handbook');
  const result = {
    ingested: [...fromBytes.files, ...fromFolder.files].map((file) => `${file.source}:${file.status}`),
    topHit: hits[0]?.source,
    mode: answer.mode,
    cited: answer.citations.map((citation) => citation.source),
    documents: documents.map((document) => document.source).sort(),
  };
  console.log(JSON.stringify(result));
} finally {
  await andes.dispose();
  await rm(dataDir, { recursive: true, force: true });
}
