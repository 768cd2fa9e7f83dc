/**
 * Load benchmark (`pnpm bench load`): autocannon against real `andes serve` processes on loopback, side by side in
 * one run: throughput and p50/p99 latency of `GET /api/search` and of an extractive `POST /api/ask` (no model, so
 * the store and retrieval are what is measured), over the 233 State of the Union addresses, questions from
 * `test/eval/sotu-questions.jsonl` in turn. Configurations:
 *   - embedded store (SQLite + FTS5 under a data directory), one replica;
 *   - PostgreSQL store (`ANDES_STORE=postgres://…`, a throwaway PostgreSQL 15 server started like the store's own
 *     tests start it), one replica and two replicas on the same database, the load split evenly between them.
 * Each run is bounded in time and in count: it stops after ANDES_BENCH_LOAD_SECONDS (default 10) or
 * ANDES_BENCH_LOAD_REQUESTS requests (default 5000), whichever comes first, with ANDES_BENCH_LOAD_CONNECTIONS
 * connections (default 8). Latencies are collected per response across replicas, so two replicas' p50/p99 are
 * over all their requests. Everything shares this machine's cores: the figures compare configurations, they do not
 * predict a deployment with a database and replicas on their own hosts.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { loadConfig } from '@andes-rag/runtime';
import { sotuCorpus } from '../eval/corpora/evaluation-corpora.js';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startPostgresForBench } from './load/postgres-for-bench.js';
import { measureLoad, type LoadResult, type LoadTarget } from './load/measure-load.js';

const seconds = Number(process.env['ANDES_BENCH_LOAD_SECONDS'] ?? 10);
const maxRequests = Number(process.env['ANDES_BENCH_LOAD_REQUESTS'] ?? 5000);
const connections = Number(process.env['ANDES_BENCH_LOAD_CONNECTIONS'] ?? 8);
const collection = 'sotu';
// No request limit: the load is one client. Logs off the request path.
const serverEnvironment = { ANDES_RATE_LIMIT_PER_MINUTE: '0', ANDES_LOG_LEVEL: 'error' };

const questions = (await readFile(`${repositoryRoot}/${sotuCorpus.questionsFile}`, 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { question: string }).question);

const searchTarget: LoadTarget = {
  name: 'search',
  request: (index) => ({
    method: 'GET',
    path: `/api/search?collection=${collection}&k=5&q=${encodeURIComponent(questions[index % questions.length]!)}`,
  }),
};
const askTarget: LoadTarget = {
  name: 'extractive ask',
  request: (index) => ({
    method: 'POST',
    path: '/api/ask',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ collection, question: questions[index % questions.length] }),
  }),
};

interface Configuration {
  name: string;
  /** Starts the replicas on an ingested store; `skipped` says why a configuration cannot run here. */
  start: () => Promise<{ servers: ServerProcess[]; stop: () => Promise<void> } | { skipped: string }>;
}

const corpusFolder = await sotuCorpus.prepare(os.tmpdir());

async function ingest(dataDirectory: string, environment: Record<string, string>): Promise<void> {
  const result = await runCli(['ingest', corpusFolder, '--collection', collection, '--data-dir', dataDirectory], {
    ...serverEnvironment,
    ...environment,
  });
  if (result.exitCode !== 0) throw new Error(`ingest failed (${result.exitCode}): ${result.stderr}`);
}

async function startReplicas(count: number, dataDirectories: string[], environment: Record<string, string>) {
  const servers = await Promise.all(
    Array.from({ length: count }, (_unused, index) =>
      startServerProcess(['--data-dir', dataDirectories[index]!], { ...serverEnvironment, ...environment }),
    ),
  );
  return { servers, stop: async () => void (await Promise.all(servers.map((server) => server.stop()))) };
}

function postgresConfiguration(replicas: number): Configuration {
  return {
    name: `PostgreSQL store, ${replicas} replica${replicas === 1 ? '' : 's'}`,
    start: async () => {
      // A build whose configuration does not read ANDES_STORE would silently serve the embedded store instead.
      const probe = 'postgres://probe@127.0.0.1:1/probe';
      if ((loadConfig({}, { ANDES_STORE: probe }) as { store?: unknown }).store !== probe) {
        return { skipped: 'this build does not read ANDES_STORE' };
      }
      const postgres = await startPostgresForBench();
      if ('skipped' in postgres) return postgres;
      const directory = await temporaryDirectory('andes-load-');
      const environment = { ANDES_STORE: postgres.url };
      try {
        await ingest(`${directory.path}/ingest`, environment);
        const started = await startReplicas(
          replicas,
          Array.from({ length: replicas }, (_unused, index) => `${directory.path}/replica-${index}`),
          environment,
        );
        return {
          servers: started.servers,
          stop: async () => {
            await started.stop();
            await postgres.stop();
            await directory.remove();
          },
        };
      } catch (error) {
        await postgres.stop();
        await directory.remove();
        return { skipped: `PostgreSQL store did not start: ${(error as Error).message.split('\n')[0]}` };
      }
    },
  };
}

const configurations: Configuration[] = [
  {
    name: 'embedded store, 1 replica',
    start: async () => {
      const directory = await temporaryDirectory('andes-load-');
      await ingest(directory.path, {});
      const started = await startReplicas(1, [directory.path], {});
      return {
        servers: started.servers,
        stop: async () => {
          await started.stop();
          await directory.remove();
        },
      };
    },
  },
  postgresConfiguration(1),
  postgresConfiguration(2),
];

console.log(
  `load: ${connections} connections, at most ${seconds} s or ${maxRequests} requests per measure; ` +
    `${questions.length} SOTU questions over 233 documents; autocannon on loopback; ` +
    `${os.availableParallelism()} cores, load average ${os.loadavg()[0]?.toFixed(2)} at start`,
);
const rows: string[][] = [['configuration', 'route', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx']];
const skipped: string[] = [];
for (const configuration of configurations) {
  const started = await configuration.start();
  if ('skipped' in started) {
    skipped.push(`${configuration.name}: ${started.skipped}`);
    continue;
  }
  try {
    for (const target of [searchTarget, askTarget]) {
      const result: LoadResult = await measureLoad({
        urls: started.servers.map((server) => server.url),
        target,
        connections,
        seconds,
        maxRequests,
      });
      rows.push([
        configuration.name,
        target.name,
        String(result.requests),
        result.requestsPerSecond.toFixed(0),
        result.p50Ms.toFixed(1),
        result.p99Ms.toFixed(1),
        String(result.failures),
      ]);
    }
  } finally {
    await started.stop();
  }
}

const widths = rows[0]!.map((_cell, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const [index, row] of rows.entries()) {
  console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
  if (index === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
}
for (const line of skipped) console.log(`skipped: ${line}`);
