import { closeSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentWrite } from '@andes-rag/core';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';

/** The collection every corruption fixture writes. */
export const fixtureCollection = 'docs';
/** A word every fixture chunk holds: a search for it lists every stored document. */
export const commonWord = 'handbook';
const dimensions = 16;
const chunksPerDocument = 3;

/** The word only document `index` holds. */
export function uniqueWord(index: number): string {
  return `quokka${index}x`;
}

/** The source of fixture document `index`. */
export function fixtureSource(index: number): string {
  return `handbook/page-${String(index).padStart(2, '0')}.md`;
}

/** A deterministic vector for chunk `chunk` of document `index` (nearly orthogonal to every other). */
export function fixtureVector(index: number, chunk: number): Float32Array {
  let state = (index * 7919 + chunk * 104729 + 1) >>> 0;
  const vector = new Float32Array(dimensions);
  for (let position = 0; position < dimensions; position++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    vector[position] = state / 4294967296 - 0.5;
  }
  return vector;
}

/** Fixture document `index`: three chunks of ~1.5 kB (so tables span many pages), each with a vector. */
export function fixtureWrite(index: number): DocumentWrite {
  const filler = 'The travel policy caps hotels per night and the expense rules need receipts. '.repeat(20);
  const texts = Array.from(
    { length: chunksPerDocument },
    (_, chunk) => `${commonWord} page ${index} part ${chunk}: the ${uniqueWord(index)} rule applies. ${filler}`,
  );
  let offset = 0;
  const chunks = texts.map((text, chunk) => {
    const draft = { index: chunk, text, headingPath: [], startOffset: offset, endOffset: offset + text.length };
    offset += text.length + 1;
    return draft;
  });
  return {
    collection: fixtureCollection,
    document: {
      source: fixtureSource(index),
      title: `Page ${index}`,
      mediaType: 'text/markdown',
      text: texts.join('\n'),
      contentHash: `hash-${index}`,
    },
    chunks,
    embeddings: texts.map((_, chunk) => fixtureVector(index, chunk)),
    embeddingModel: 'fixture-vectors',
  };
}

/** Stores fixture documents `first` … `first + count - 1` and closes the store (indexes and manifests saved). */
export async function writeFixtureDocuments(dataDir: string, first: number, count: number): Promise<void> {
  const store = await SqliteKnowledgeStore.open({ dataDir });
  try {
    for (let index = first; index < first + count; index++) await store.putDocument(fixtureWrite(index));
  } finally {
    await store.close();
  }
}

/** Runs SQL on the fixture database directly, behind the store's back (as damage or a bug would). */
export function runRawSql(dataDir: string, sql: string): void {
  const database = new Database(path.join(dataDir, 'andes.db'));
  try {
    database.exec(sql);
  } finally {
    database.close();
  }
}

/** Overwrites `count` leaf pages of `table` (the first ones, by page number) with random bytes; returns them. */
export function overwritePages(
  dataDir: string,
  table: string,
  count: number,
  from: 'first' | 'middle' = 'first',
): number[] {
  const file = path.join(dataDir, 'andes.db');
  const database = new Database(file, { readonly: true });
  let pages: number[];
  let pageSize: number;
  try {
    pages = database
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all(table) as number[];
    pageSize = database.pragma('page_size', { simple: true }) as number;
  } finally {
    database.close();
  }
  const start = from === 'middle' ? Math.floor(pages.length / 2) : 0;
  const chosen = pages.slice(start, start + count);
  if (chosen.length === 0) throw new Error(`no leaf page of ${table}`);
  const descriptor = openSync(file, 'r+');
  try {
    for (const page of chosen) writeSync(descriptor, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(descriptor);
  }
  return chosen;
}

/** Overwrites `length` bytes of `file` at `offset` with random bytes. */
export function overwriteBytes(file: string, offset: number, length: number): void {
  const descriptor = openSync(file, 'r+');
  try {
    writeSync(descriptor, randomBytes(length), 0, length, offset);
  } finally {
    closeSync(descriptor);
  }
}
