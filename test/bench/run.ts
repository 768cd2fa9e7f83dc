/**
 * `pnpm bench`: runs every `*.bench.ts` in this folder (or those named on the command line), one after another,
 * each in its own process so one benchmark's memory and threads do not disturb the next. Each prints its own
 * side-by-side ratios; absolute times vary between machines, the ratios are the result.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort()
  // A name given exactly (`pnpm bench load`) runs that bench alone, not every bench whose name contains it.
  .filter((name, _index, matches) => {
    const exact = matches.filter((match) => wanted.includes(match.replace(/\.bench\.ts$/, '')));
    return exact.length === 0 || exact.includes(name);
  });

console.log(
  `Andes benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.availableParallelism()} cores), Node ${process.version}`,
);
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(folder, name)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
