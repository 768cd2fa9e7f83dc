/**
 * Event-loop responsiveness while a large file ingests: a real `andes serve` process (no models), `/healthz`
 * requested every 50 ms, first with nothing else running (the baseline), then while one 15 MB Markdown file is
 * uploaded and ingested (until the upload's answer). Prints p50, p99 and max latency of both phases side by side, in
 * one run; a server that parses and chunks off the main thread keeps the two close. ANDES_BENCH_INGEST_MB sets the
 * file's size (default 15) and ANDES_BENCH_IDLE_SECONDS the baseline's length (default 5).
 */
import { performance } from 'node:perf_hooks';
import { temporaryDirectory } from '../support/repository.js';
import { startServerProcess } from '../support/server-process.js';

const fileMegabytes = Number(process.env['ANDES_BENCH_INGEST_MB'] ?? 15);
const idleSeconds = Number(process.env['ANDES_BENCH_IDLE_SECONDS'] ?? 5);
const intervalMs = 50;

/** A Markdown handbook of about `megabytes` MB: a heading every ~20 KB, paragraphs of numbered rules between. */
function handbook(megabytes: number): string {
  const target = megabytes * 1_000_000;
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < target; index += 1) {
    const part =
      (index % 50 === 0 ? `## Chapter ${index / 50}\n\n` : '') +
      `Rule ${index}: travel booked through the desk is reimbursed within ${index % 60} days; hotels in Berlin ` +
      `up to ${100 + (index % 200)} euros per night, with the receipt attached to the claim form.\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** Requests `/healthz` every {@link intervalMs} until `until` settles; returns every latency in ms. */
async function pollHealth(url: string, until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    const started = performance.now();
    pending.push(
      fetch(`${url}/healthz`).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
        latencies.push(performance.now() - started);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await Promise.all(pending);
  return latencies;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function row(label: string, latencies: readonly number[]): string {
  const sorted = [...latencies].sort((left, right) => left - right);
  const cell = (value: number) => value.toFixed(1).padStart(10);
  return `${label.padEnd(34)}${String(sorted.length).padStart(9)}${cell(percentile(sorted, 0.5))}${cell(percentile(sorted, 0.99))}${cell(sorted.at(-1) ?? Number.NaN)}`;
}

async function main(): Promise<void> {
  const dataDirectory = await temporaryDirectory('andes-bench-healthz-');
  const server = await startServerProcess(['--data-dir', dataDirectory.path]);
  try {
    const idle = await pollHealth(server.url, new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)));
    const text = handbook(fileMegabytes);
    const form = new FormData();
    form.append('files', new Blob([text], { type: 'text/markdown' }), 'handbook.md');
    const started = performance.now();
    const upload = fetch(`${server.url}/api/collections/bench/documents`, { method: 'POST', body: form }).then(
      async (response) => ({ status: response.status, body: await response.text() }),
    );
    const during = await pollHealth(server.url, upload);
    const { status, body } = await upload;
    const ingestSeconds = (performance.now() - started) / 1000;
    const file = (JSON.parse(body) as { files?: { status: string; chunkCount?: number }[] }).files?.[0];
    if (status >= 300 || file?.status !== 'created')
      throw new Error(`the upload answered ${status}: ${body.slice(0, 500)}`);
    console.log(
      `/healthz every ${intervalMs} ms against andes serve (no models); the upload: one ${(text.length / 1e6).toFixed(1)} MB ` +
        `Markdown file, answered ${status} (${file.chunkCount} chunks) after ${ingestSeconds.toFixed(1)} s.`,
    );
    console.log(
      `${'phase'.padEnd(34)}${'requests'.padStart(9)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}`,
    );
    console.log(row(`idle (${idleSeconds} s)`, idle));
    console.log(row('while the file uploads and ingests', during));
    const ratio = (values: readonly number[], fraction: number) =>
      percentile(
        [...values].sort((left, right) => left - right),
        fraction,
      );
    console.log(
      `\nRatios, during ingest / idle: p50 ${(ratio(during, 0.5) / ratio(idle, 0.5)).toFixed(1)}x, ` +
        `p99 ${(ratio(during, 0.99) / ratio(idle, 0.99)).toFixed(1)}x, max ${(Math.max(...during) / Math.max(...idle)).toFixed(1)}x`,
    );
  } finally {
    await server.stop();
    await dataDirectory.remove();
  }
}

await main();
