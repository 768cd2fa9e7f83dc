import { describe } from 'vitest';
import { describeBatchPut } from './batch-put-conformance.js';
import { describeCollections } from './collections-conformance.js';
import type { OpenKnowledgeStore } from './conformance-fixtures.js';
import { describeDocumentChunks } from './document-chunks-conformance.js';
import { describeDocuments } from './documents-conformance.js';
import { describeFilters } from './filter-conformance.js';
import { describeLexicalSearch } from './lexical-conformance.js';
import { describeRenameCollection } from './rename-collection-conformance.js';
import { describeUnknownCollection } from './unknown-collection-conformance.js';
import { describeVectorSearch } from './vector-conformance.js';

/**
 * Registers the vitest suite every {@link KnowledgeStore} implementation must pass: collections, idempotent and
 * replacing puts, deletes, chunk reads, lexical ranking and hostile queries, vector search, filters applied before
 * ranking, unknown collections, and the optional methods both built-in stores implement: `renameCollection` (with the key
 * scopes, assistant definitions and conversations naming the collection, through the store's `apiKeyStore()`,
 * `assistantStore()` and `conversationStore()`), `listDocumentChunks` and `putDocuments` (all or none); a store
 * lacking one fails its tests. Call it at the top level of a `*.test.ts` file.
 *
 * @param name - Names the implementation in the test report, e.g. `SqliteKnowledgeStore`.
 * @param openStore - Opens a fresh, empty store for each test; its `cleanup` closes the store and removes its data.
 */
export function describeKnowledgeStoreConformance(name: string, openStore: OpenKnowledgeStore): void {
  describe(`KnowledgeStore conformance: ${name}`, () => {
    describeCollections(openStore);
    describeDocuments(openStore);
    describeLexicalSearch(openStore);
    describeVectorSearch(openStore);
    describeFilters(openStore);
    describeUnknownCollection(openStore);
    describeRenameCollection(openStore);
    describeDocumentChunks(openStore);
    describeBatchPut(openStore);
  });
}
