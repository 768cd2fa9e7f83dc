/**
 * The cold start of a one-shot command: `andes search` on a lexical query (no models), against the floor any program
 * answering one BM25 query from the same store pays (`cold-start/fts-floor.mjs`: Node, better-sqlite3, one FTS5
 * query), and against the same search with every command module imported up front (`createProgram` of
 * `apps/cli/src/program.ts`, as the executable did before it imported only the running command's module:
 * `apps/cli/src/load-program.ts`). Runs alternate, so a busy machine slows each variant alike; each variant also runs
 * once with a module counter (`cold-start/count-modules.mjs`). Needs a built CLI (`pnpm build`). Runs:
 * ANDES_BENCH_RUNS (default 15).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.env['ANDES_BENCH_RUNS'] ?? 15);
const root = fileURLToPath(new URL('../..', import.meta.url));
const main = path.join(root, 'apps/cli/dist/main.js');
const program = path.join(root, 'apps/cli/dist/program.js');
const counter = fileURLToPath(new URL('cold-start/count-modules.mjs', import.meta.url));
const floor = fileURLToPath(new URL('cold-start/fts-floor.mjs', import.meta.url));
const betterSqlite3 = createRequire(path.join(root, 'packages/vectorstore/package.json')).resolve('better-sqlite3');
const query = 'travel';

const directory = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-cold-start-'));
const dataDir = path.join(directory, 'data');
try {
  execFileSync(
    process.execPath,
    [main, 'ingest', path.join(root, 'apps/cli/samples/handbook'), '--data-dir', dataDir],
    {
      stdio: 'ignore',
    },
  );
  const searchArguments = ['search', query, '--data-dir', dataDir];
  const eagerScript = [
    `import { createProgram } from ${JSON.stringify(program)};`,
    `await createProgram().parseAsync(['node', 'andes', ...${JSON.stringify(searchArguments)}]);`,
  ].join('\n');
  const variants: Array<{ label: string; arguments: string[] }> = [
    { label: 'andes search', arguments: [main, ...searchArguments] },
    { label: 'andes search, every command imported', arguments: ['--input-type=module', '-e', eagerScript] },
    { label: 'floor: better-sqlite3 + one FTS5 query', arguments: [floor, path.join(dataDir, 'andes.db'), query] },
  ];
  const environment = { ...process.env, ANDES_BETTER_SQLITE3: betterSqlite3 };

  /** Runs one variant; throws unless it exits 0 with hits on stdout. Returns its wall time in ms. */
  const runOnce = (variantArguments: string[], extra: Record<string, string> = {}, preload: string[] = []) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [...preload, ...variantArguments], {
      env: { ...environment, ...extra },
      encoding: 'utf8',
    });
    const elapsed = performance.now() - started;
    if (result.status !== 0 || result.stdout.trim() === '') {
      throw new Error(`${variantArguments.join(' ')} failed (${result.status}): ${result.stderr}`);
    }
    return elapsed;
  };

  const moduleCounts: number[] = [];
  for (const [index, variant] of variants.entries()) {
    const log = path.join(directory, `modules-${index}.log`);
    runOnce(variant.arguments, { ANDES_MODULE_LOG: log }, ['--import', counter]);
    const files = new Set((await readFile(log, 'utf8')).split('\n').filter((line) => line !== ''));
    moduleCounts.push(files.size);
  }

  const times: number[][] = variants.map(() => []);
  for (let round = 0; round < runs; round += 1) {
    // Alternate the order each round, so no variant always runs right after the same neighbour.
    const order = round % 2 === 0 ? variants.keys() : [...variants.keys()].reverse();
    for (const index of order) times[index]!.push(runOnce(variants[index]!.arguments));
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const floorMs = median(times[2]!);
  console.log(`One lexical query ("${query}") on the handbook sample (10 files), ${runs} alternated runs each.`);
  for (const [index, variant] of variants.entries()) {
    const p50 = median(times[index]!);
    console.log(
      `${variant.label.padEnd(40)} ${String(moduleCounts[index]).padStart(5)} modules  p50 ${p50.toFixed(0).padStart(5)} ms  ${(p50 / floorMs).toFixed(2)}x the floor`,
    );
  }
  const eagerMs = median(times[1]!);
  const lazyMs = median(times[0]!);
  console.log(
    `Importing only the running command: ${(eagerMs / lazyMs).toFixed(2)}x faster than importing all of them.`,
  );
} finally {
  await rm(directory, { recursive: true, force: true });
}
