/**
 * Ingest time against the number of sections: one Markdown file with N headings, then one with 4N (each section a
 * heading and a short paragraph, headings nested three levels deep, so heading paths are built and stored for every
 * chunk), each ingested through the real runtime (parse in the parser process, chunk, hash, store; no embedding model)
 * into a fresh data directory, after a one-line warm-up file (which starts the parser process). Prints both times and their ratio: linear ingestion gives 4x, quadratic 16x.
 * The same ratio is printed less a one-heading file's time (what any file costs). ANDES_BENCH_HEADINGS sets N (default 3000). Each size runs twice, interleaved, and the faster run counts: on a
 * shared machine the neighbours' load drifts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, openAndes } from '@andes-rag/runtime';

const headings = Number(process.env['ANDES_BENCH_HEADINGS'] ?? 3000);

/** A Markdown file of `count` sections: `#` every 10th heading, `##` and `###` between. */
function markdownWithHeadings(count: number): string {
  const sections: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const level = index % 10 === 0 ? 1 : index % 2 === 0 ? 2 : 3;
    sections.push(
      `${'#'.repeat(level)} Section ${index}\n\nRule ${index}: claims under ${index % 500} euros need one receipt.\n`,
    );
  }
  return sections.join('\n');
}

async function ingestSeconds(text: string): Promise<{ seconds: number; chunks: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-headings-'));
  try {
    const runtime = await openAndes(loadConfig({ dataDir }, {}));
    try {
      // Start the parser process and warm the store first, so the timing holds only this file's own work.
      await runtime.ingest('headings', [
        { source: 'warm-up.md', bytes: new TextEncoder().encode('# Warm up\n\nText.') },
      ]);
      const started = performance.now();
      const report = await runtime.ingest('headings', [
        { source: 'handbook.md', bytes: new TextEncoder().encode(text) },
      ]);
      const seconds = (performance.now() - started) / 1000;
      const file = report.files[0];
      if (file?.status !== 'created') throw new Error(`ingest failed: ${JSON.stringify(file)}`);
      return { seconds, chunks: file.chunkCount ?? 0 };
    } finally {
      await runtime.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The one-heading file measures what every file costs whatever its size (a commit, a round trip to the parser).
  const sizes = [1, headings, 4 * headings];
  const texts = sizes.map(markdownWithHeadings);
  const best = sizes.map(() => ({ seconds: Number.POSITIVE_INFINITY, chunks: 0 }));
  for (let round = 0; round < 2; round += 1) {
    for (const [index, text] of texts.entries()) {
      const result = await ingestSeconds(text);
      if (result.seconds < best[index]!.seconds) best[index] = result;
    }
  }
  console.log('One Markdown file through runtime.ingest (no embedding model), faster of two runs each.');
  console.log(`${'headings'.padStart(9)}${'KiB'.padStart(8)}${'chunks'.padStart(8)}${'seconds'.padStart(9)}`);
  for (const [index, count] of sizes.entries()) {
    const kib = Buffer.byteLength(texts[index]!) / 1024;
    console.log(
      `${String(count).padStart(9)}${kib.toFixed(0).padStart(8)}${String(best[index]!.chunks).padStart(8)}` +
        `${best[index]!.seconds.toFixed(2).padStart(9)}`,
    );
  }
  const [fixed, small, large] = best.map((result) => result.seconds) as [number, number, number];
  console.log(
    `\nIngest time, ${sizes[2]} / ${sizes[1]} headings: ${(large / small).toFixed(1)}x (linear: 4x, quadratic: 16x)`,
  );
  console.log(`  less the one-heading file's time from both: ${((large - fixed) / (small - fixed)).toFixed(1)}x`);
}

await main();
