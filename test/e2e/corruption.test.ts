import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { DoctorReport } from '@andes-rag/runtime';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import {
  commonWord,
  fixtureCollection,
  fixtureSource,
  fixtureVector,
  overwriteBytes,
  overwritePages,
  runRawSql,
  uniqueWord,
  writeFixtureDocuments,
} from '../support/corruption-fixtures.js';
import {
  crashed,
  formatCorruptionTable,
  refusalCode,
  type CorruptionOutcome,
  type ScenarioRow,
} from '../support/corruption-outcome.js';
import { childEnvironment, repositoryRoot, temporaryDirectory } from '../support/repository.js';
import { runCli, type CliResult } from '../support/run-cli.js';

// Every file of a data directory damaged in the ways disks, people and crashes damage them; each scenario runs the
// real CLI twice (a read-only search, then `andes doctor --repair`) and checks the store left behind in-process.
// A scenario must end in a correct answer, a clear refusal, or a repair that reports every document it lost: never
// a crash, never a wrong answer given as right. The table printed at the end counts the outcomes.

type FixtureName = 'clean' | 'later' | 'crashed';

interface Scenario {
  name: string;
  fixture: FixtureName;
  /** Fixture documents acknowledged before the damage: 0 … expected-1. */
  expected: number;
  damage: (dataDir: string, fixtures: Record<FixtureName, string>) => Promise<unknown> | unknown;
  /** Not an Andes store: the doctor must refuse and leave `andes.db` byte for byte as it was. */
  foreign?: boolean;
}

const database = (dataDir: string) => path.join(dataDir, 'andes.db');
const indexFile = (dataDir: string, extension: string) => path.join(dataDir, 'indexes', `collection-1.${extension}`);

async function replaceIndexes(dataDir: string, from: string): Promise<void> {
  await rm(path.join(dataDir, 'indexes'), { recursive: true, force: true });
  await cp(path.join(from, 'indexes'), path.join(dataDir, 'indexes'), { recursive: true });
}

const scenarios: Scenario[] = [
  { name: 'db zero-length', fixture: 'clean', expected: 12, damage: (dir) => truncate(database(dir), 0) },
  { name: 'db deleted', fixture: 'clean', expected: 12, damage: (dir) => rm(database(dir)) },
  {
    name: 'db truncated to half',
    fixture: 'clean',
    expected: 12,
    damage: async (dir) => truncate(database(dir), Math.floor((await stat(database(dir))).size / 8192) * 4096),
  },
  {
    name: 'db truncated mid-page',
    fixture: 'clean',
    expected: 12,
    damage: async (dir) => truncate(database(dir), (await stat(database(dir))).size - 1000),
  },
  { name: 'db header garbage', fixture: 'clean', expected: 12, damage: (dir) => overwriteBytes(database(dir), 0, 100) },
  {
    name: 'db signature damaged',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => overwriteBytes(database(dir), 0, 16),
  },
  {
    name: 'db chunks page garbage',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => overwritePages(dir, 'chunks', 1, 'middle'),
  },
  {
    name: 'db documents page garbage',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => overwritePages(dir, 'documents', 1),
  },
  {
    name: 'db FTS5 page garbage',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => overwritePages(dir, 'chunk_search_1_data', 2),
  },
  {
    name: 'db foreign text file',
    fixture: 'clean',
    expected: 12,
    foreign: true,
    damage: (dir) => writeFile(database(dir), 'name,amount\nhotel,165\n'),
  },
  {
    name: 'db foreign SQLite file',
    fixture: 'clean',
    expected: 12,
    foreign: true,
    damage: async (dir) => {
      await rm(database(dir));
      const foreign = new Database(database(dir));
      foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not Andes')");
      foreign.close();
    },
  },
  {
    name: 'malformed stored vectors',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => runRawSql(dir, 'UPDATE chunks SET embedding = randomblob(10) WHERE rowid IN (2, 14, 26)'),
  },
  {
    name: 'indexes dir missing',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => rm(path.join(dir, 'indexes'), { recursive: true }),
  },
  { name: 'hnsw file deleted', fixture: 'clean', expected: 12, damage: (dir) => rm(indexFile(dir, 'hnsw')) },
  {
    name: 'hnsw file truncated',
    fixture: 'clean',
    expected: 12,
    damage: async (dir) => truncate(indexFile(dir, 'hnsw'), Math.floor((await stat(indexFile(dir, 'hnsw'))).size / 2)),
  },
  {
    name: 'hnsw file garbage',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => overwriteBytes(indexFile(dir, 'hnsw'), 64, 512),
  },
  { name: 'sidecar deleted', fixture: 'clean', expected: 12, damage: (dir) => rm(indexFile(dir, 'json')) },
  {
    name: 'sidecar garbage',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => writeFile(indexFile(dir, 'json'), '{"format":'),
  },
  { name: 'manifest deleted', fixture: 'clean', expected: 12, damage: (dir) => rm(indexFile(dir, 'documents.json')) },
  {
    name: 'stray temporary index file',
    fixture: 'clean',
    expected: 12,
    damage: (dir) => writeFile(path.join(dir, 'indexes', 'collection-1.hnsw.999999.abcd1234.tmp'), 'half a save'),
  },
  {
    // An older copy of andes.db restored under newer index files: the index generation is ahead.
    name: 'index generation ahead',
    fixture: 'clean',
    expected: 14,
    damage: (dir, fixtures) => replaceIndexes(dir, fixtures.later),
  },
  {
    // Older index files under a newer database: stale, rebuilt from the database.
    name: 'index generation behind',
    fixture: 'later',
    expected: 14,
    damage: (dir, fixtures) => replaceIndexes(dir, fixtures.clean),
  },
  { name: 'crash, files intact', fixture: 'crashed', expected: 10, damage: () => undefined },
  { name: 'crash, -wal deleted', fixture: 'crashed', expected: 10, damage: (dir) => rm(`${database(dir)}-wal`) },
  {
    name: 'crash, -wal truncated',
    fixture: 'crashed',
    expected: 10,
    damage: async (dir) => truncate(`${database(dir)}-wal`, Math.floor((await stat(`${database(dir)}-wal`)).size / 2)),
  },
  {
    name: 'crash, -wal garbage',
    fixture: 'crashed',
    expected: 10,
    damage: (dir) => overwriteBytes(`${database(dir)}-wal`, 20_000, 8192),
  },
  { name: 'crash, -shm deleted', fixture: 'crashed', expected: 10, damage: (dir) => rm(`${database(dir)}-shm`) },
  {
    name: 'crash, -shm garbage',
    fixture: 'crashed',
    expected: 10,
    damage: (dir) => overwriteBytes(`${database(dir)}-shm`, 0, 4096),
  },
  {
    name: 'crash, -wal and -shm deleted',
    fixture: 'crashed',
    expected: 10,
    damage: async (dir) => {
      await rm(`${database(dir)}-wal`);
      await rm(`${database(dir)}-shm`);
    },
  },
];

/** Starts `write-and-hang.ts`, waits for its `DONE`, and SIGKILLs it: a crash right after acknowledged writes. */
async function crashAfterWrites(dataDir: string, count: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repositoryRoot, 'test/support/write-and-hang.ts'), dataDir, String(count)],
    {
      cwd: repositoryRoot,
      env: childEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr.on('data', (data: Buffer) => (errors += data.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('DONE')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`write-and-hang exited ${code}: ${errors}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const searchCommand = (dataDir: string) =>
  runCli(['search', commonWord, '--collection', fixtureCollection, '--k', '100', '--json', '--data-dir', dataDir]);

/** What the read-only search said, and whether it was right. */
function judgeProbe(result: CliResult, expectedSources: string[]): { label: string; outcome?: CorruptionOutcome } {
  if (crashed(result)) return { label: `crashed (exit ${result.exitCode})`, outcome: 'crash' };
  if (result.exitCode !== 0) {
    const code = refusalCode(result);
    return code
      ? { label: `refused [${code}]` }
      : { label: `error without a code: ${result.stderr.trim().slice(0, 60)}`, outcome: 'crash' };
  }
  const sources = [
    ...new Set((JSON.parse(result.stdout) as Array<{ source: string }>).map((hit) => hit.source)),
  ].sort();
  if (JSON.stringify(sources) === JSON.stringify(expectedSources))
    return { label: `correct (${sources.length} documents)` };
  return { label: `WRONG: ${sources.length} of ${expectedSources.length} documents`, outcome: 'silent wrong answer' };
}

/** Checks the store a repair left: every expected document is there and findable, or reported lost. */
async function verifyRepairedStore(dataDir: string, scenario: Scenario, report: DoctorReport): Promise<string[]> {
  const failures: string[] = [];
  const store = await SqliteKnowledgeStore.open({ dataDir, readOnly: true });
  try {
    const integrity = await store.verifyIntegrity();
    if (!integrity.ok) failures.push(`integrity: ${integrity.problems.map((problem) => problem.check).join(', ')}`);
    const collection = await store.getCollection(fixtureCollection);
    const stored = new Set(
      collection ? (await store.listDocuments(fixtureCollection)).map((document) => document.source) : [],
    );
    const reportedLost = new Set(report.lostDocuments.map((document) => document.source));
    const withoutVectors = new Set(report.droppedVectors.flatMap((dropped) => dropped.sources));
    for (let index = 0; index < scenario.expected; index++) {
      const source = fixtureSource(index);
      if (!stored.has(source)) {
        if (!reportedLost.has(source)) failures.push(`${source} lost without a report`);
        continue;
      }
      const [lexical] = await store.searchLexical(fixtureCollection, uniqueWord(index), { k: 1 });
      const [lexicalChunk] = lexical ? await store.getChunks(fixtureCollection, [lexical.chunkId]) : [];
      if (lexicalChunk?.source !== source) failures.push(`${source} not found by BM25`);
      if (withoutVectors.has(source)) continue;
      const [dense] = await store.searchVector(fixtureCollection, fixtureVector(index, 0), { k: 1 });
      const [denseChunk] = dense ? await store.getChunks(fixtureCollection, [dense.chunkId]) : [];
      if (denseChunk?.source !== source) failures.push(`${source} not found by its vector`);
    }
    for (const source of stored) {
      if (!/^handbook\/page-\d+\.md$/.test(source) || Number(source.slice(14, 16)) >= scenario.expected) {
        failures.push(`unexpected document ${source}`);
      }
    }
  } finally {
    await store.close();
  }
  return failures;
}

async function runScenario(
  scenario: Scenario,
  workspace: string,
  fixtures: Record<FixtureName, string>,
): Promise<ScenarioRow & { failures: string[] }> {
  const dataDir = path.join(workspace, scenario.name.replace(/[^a-z0-9]+/gi, '-'));
  await cp(fixtures[scenario.fixture], dataDir, { recursive: true });
  await scenario.damage(dataDir, fixtures);
  const before = scenario.foreign ? await readFile(database(dataDir)) : undefined;
  const expectedSources = Array.from({ length: scenario.expected }, (_, index) => fixtureSource(index)).sort();

  const probe = judgeProbe(await searchCommand(dataDir), expectedSources);
  const doctorRun = await runCli(['doctor', '--repair', '--json', '--data-dir', dataDir]);
  const failures: string[] = [];
  let doctor: string;
  let outcome: CorruptionOutcome | undefined = probe.outcome;
  if (crashed(doctorRun) || doctorRun.exitCode === 2 || !doctorRun.stdout.trim().startsWith('{')) {
    doctor = `crashed (exit ${doctorRun.exitCode}): ${doctorRun.stderr.trim().slice(0, 80)}`;
    outcome = 'crash';
  } else {
    const report = JSON.parse(doctorRun.stdout) as DoctorReport;
    if (scenario.foreign) {
      const untouched = Buffer.compare(before!, await readFile(database(dataDir))) === 0;
      const refused = report.problems.some((problem) => problem.check === 'store_foreign');
      doctor = refused && untouched ? 'refused [store_foreign], file untouched' : 'TOUCHED a foreign file';
      if (!refused || !untouched || doctorRun.exitCode !== 1) failures.push(doctor);
      outcome ??= 'clear refusal';
    } else {
      failures.push(...(await verifyRepairedStore(dataDir, scenario, report)));
      if (report.healthy !== (doctorRun.exitCode === 0))
        failures.push(`exit ${doctorRun.exitCode} for healthy=${report.healthy}`);
      const lost = report.lostDocuments.length;
      doctor = report.healthy
        ? 'healthy'
        : `repaired: ${lost} lost and listed${report.droppedVectors.length ? ', vectors dropped' : ''}`;
      outcome ??= report.healthy
        ? probe.label.startsWith('refused')
          ? 'clear refusal'
          : 'unaffected (correct answer)'
        : 'detected and repaired';
      if (report.healthy && probe.label.startsWith('refused'))
        failures.push('refused, yet the doctor finds nothing wrong');
    }
  }
  if (failures.length > 0 && outcome !== 'crash') outcome = 'silent wrong answer';
  return {
    scenario: scenario.name,
    probe: probe.label,
    doctor,
    outcome: outcome ?? 'unaffected (correct answer)',
    failures,
  };
}

/** Runs `work` over `items`, `limit` at a time (each scenario is mostly two CLI processes). */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('corruption of every file in the data directory', () => {
  let workspace: Awaited<ReturnType<typeof temporaryDirectory>>;
  let fixtures: Record<FixtureName, string>;

  beforeAll(async () => {
    workspace = await temporaryDirectory('andes-corruption-');
    fixtures = {
      clean: path.join(workspace.path, 'fixture-clean'),
      later: path.join(workspace.path, 'fixture-later'),
      crashed: path.join(workspace.path, 'fixture-crashed'),
    };
    await writeFixtureDocuments(fixtures.clean, 0, 12);
    await cp(fixtures.clean, fixtures.later, { recursive: true });
    await writeFixtureDocuments(fixtures.later, 12, 2);
    await mkdir(fixtures.crashed);
    await crashAfterWrites(fixtures.crashed, 10);
    expect((await readdir(fixtures.crashed)).sort()).toEqual(['andes.db', 'andes.db-shm', 'andes.db-wal', 'indexes']);
  });
  afterAll(async () => workspace?.remove());

  test(`${scenarios.length} scenarios: no crash, no wrong answer, every loss reported`, async () => {
    const rows = await inPool(scenarios, 3, (scenario) => runScenario(scenario, workspace.path, fixtures));
    process.stdout.write(`\n${formatCorruptionTable(rows)}\n`);
    const failures = rows.flatMap((row) => row.failures.map((failure) => `${row.scenario}: ${failure}`));
    expect(failures).toEqual([]);
    expect(rows.filter((row) => row.outcome === 'crash').map((row) => row.scenario)).toEqual([]);
    expect(rows.filter((row) => row.outcome === 'silent wrong answer').map((row) => row.scenario)).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
  }, 180_000);
});

// A damaged FTS5 page makes BM25 fail while the query embedding still runs in node-llama-cpp. Before the retrievers
// were awaited together, the CLI disposed the model under the running embedding and died of SIGSEGV (exit 139) in
// 2 of 8 runs; every run must now end with a clear error.
describe('a damaged FTS5 page met during a search with an embedding model', () => {
  let workspace: Awaited<ReturnType<typeof temporaryDirectory>>;
  let embeddingModelPath: string;
  let dataDir: string;
  const runs = 6;

  beforeAll(async () => {
    embeddingModelPath = (await ensureTestModels()).embeddingModelPath;
    workspace = await temporaryDirectory('andes-corruption-model-');
    dataDir = path.join(workspace.path, 'data');
    const notes = path.join(workspace.path, 'notes');
    await mkdir(notes);
    for (const [name, text] of [
      ['hotels', 'Hotel caps are per night.'],
      ['badges', 'Badges open the zebra door.'],
      ['leave', 'Parental leave is sixteen weeks.'],
    ]) {
      await writeFile(path.join(notes, `${name}.md`), `# ${name}\n\n${text}\n`);
    }
    const ingested = await runCli(['ingest', notes, '--data-dir', dataDir, '--embedding-model', embeddingModelPath]);
    expect(ingested.exitCode, ingested.stderr).toBe(0);
    overwritePages(dataDir, 'chunk_search_1_data', 2);
  });
  afterAll(async () => workspace?.remove());

  test(`${runs} searches end with a clear store_corrupt error, none with a native crash`, async () => {
    const search = () =>
      runCli(['search', 'hotel caps', '--data-dir', dataDir, '--embedding-model', embeddingModelPath]);
    const results = await inPool(
      Array.from({ length: runs }, (_, run) => run),
      2,
      search,
    );
    expect(results.map((result) => result.exitCode)).toEqual(Array.from({ length: runs }, () => 1));
    for (const result of results) expect(refusalCode(result), result.stderr).toBe('store_corrupt');

    // A server refuses to start on the damaged store (it checks every page first), with the same code.
    const served = await runCli(['serve', '--data-dir', dataDir, '--port', '0']);
    expect(served.exitCode).toBe(1);
    expect(served.stderr).toMatch(/\[store_corrupt\]/);
  }, 120_000);
});
