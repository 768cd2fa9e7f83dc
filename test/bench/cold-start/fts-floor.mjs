// The floor of cold-start.bench.ts: what any program answering one BM25 query from the store must do — start Node,
// load better-sqlite3, open andes.db read-only, run one FTS5 query and print the hits. Usage: fts-floor.mjs DB QUERY.
import { createRequire } from 'node:module';

const Database = createRequire(import.meta.url)(process.env.ANDES_BETTER_SQLITE3);
const [database, query] = process.argv.slice(2);
const db = new Database(database, { readonly: true });
const table = db
  .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'chunk_search_%' AND sql LIKE '%fts5%' LIMIT 1")
  .pluck()
  .get();
const hits = db
  .prepare(`SELECT rowid, bm25(${table}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY score LIMIT 10`)
  .all(query);
for (const hit of hits) console.log(`${hit.rowid} ${hit.score.toFixed(4)}`);
db.close();
