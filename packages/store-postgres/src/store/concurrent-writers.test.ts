import { afterEach, describe, expect, it } from 'vitest';
import { documentWrite, expectAndesError, randomUnitVector } from '@andes-rag/store-conformance';
import type { PostgresKnowledgeStore } from './postgres-knowledge-store.js';
import { openRealPostgresStore, realPostgresAvailable, useRealPostgresServer } from '../test-support/real-postgres.js';

describe.runIf(realPostgresAvailable)('writers on a real PostgreSQL 15 server', () => {
  const { server } = useRealPostgresServer();
  const opened: Array<Awaited<ReturnType<typeof openRealPostgresStore>>> = [];
  const open = async (): Promise<PostgresKnowledgeStore> => {
    const store = await openRealPostgresStore(server());
    opened.push(store);
    return store.store;
  };
  afterEach(async () => {
    // The last cleanup empties the tables; the others only close their pools.
    for (const store of opened.splice(0).reverse()) await store.cleanup();
  });

  it('two replicas writing one new collection at once store every document once', async () => {
    const [left, right] = await Promise.all([open(), open()]);
    const writes = (replica: string) =>
      Array.from({ length: 12 }, (_, position) =>
        documentWrite({
          collection: 'shared',
          source: position % 2 === 0 ? `common/${position}.md` : `${replica}/${position}.md`,
          chunks: [{ text: `note ${position} from ${replica}`, vector: randomUnitVector(8, position) }],
        }),
      );
    const results = await Promise.all([
      ...writes('left').map((write) => left!.putDocument(write)),
      ...writes('right').map((write) => right!.putDocument(write)),
    ]);
    expect(results.filter((result) => result.status === 'created')).toHaveLength(18);
    expect(await right!.getCollection('shared')).toMatchObject({ documentCount: 18, chunkCount: 18 });
    const sources = (await left!.listDocuments('shared')).map((document) => document.source);
    expect(new Set(sources).size).toBe(18);
  });

  it('putDocuments stores all of its writes or, when one fails inside the transaction, none', async () => {
    const store = await open();
    const first = documentWrite({ source: 'a.md', chunks: [{ text: 'alpha', vector: randomUnitVector(8, 1) }] });
    const misfit = documentWrite({ source: 'b.md', chunks: [{ text: 'beta', vector: randomUnitVector(4, 2) }] });
    await expectAndesError(store.putDocuments([first, misfit]), 'invalid_request');
    expect(await store.getCollection('docs')).toBeUndefined();
    const second = documentWrite({ source: 'b.md', chunks: [{ text: 'beta', vector: randomUnitVector(8, 2) }] });
    expect((await store.putDocuments([first, second])).map((result) => result.status)).toEqual(['created', 'created']);
  });
});
