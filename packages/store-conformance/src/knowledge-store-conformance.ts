import { describe } from 'vitest';
import { describeCollections } from './collections-conformance.js';
import type { OpenKnowledgeStore } from './conformance-fixtures.js';
import { describeDocuments } from './documents-conformance.js';
import { describeFilters } from './filter-conformance.js';
import { describeLexicalSearch } from './lexical-conformance.js';
import { describeUnknownCollection } from './unknown-collection-conformance.js';
import { describeVectorSearch } from './vector-conformance.js';

/**
 * Registers the vitest suite every {@link KnowledgeStore} implementation must pass: collections, idempotent and
 * replacing puts, deletes, chunk reads, lexical ranking and hostile queries, vector search, filters applied before
 * ranking, and unknown collections. Call it at the top level of a `*.test.ts` file.
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
  });
}
