import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const runningFromSource = import.meta.url.endsWith('.ts');
const entry = fileURLToPath(
  new URL(runningFromSource ? './parser-process.ts' : './parser-process.js', import.meta.url),
);

/**
 * Starts a parser process (`parser-process.js`) whose V8 heap is capped at `maxMemoryMb`, with an IPC channel that
 * carries bytes (`advanced` serialization). Its stdout and stderr are discarded: a library never prints. When this
 * package runs from its TypeScript sources (its own tests, under vitest), the process loads them through tsx, the
 * repository's TypeScript runner, after loading pdf.js (3 MB of JavaScript that tsx would take seconds over;
 * importing pdf.js's worker module sets `globalThis.pdfjsWorker`, which pdf.js then uses).
 */
export function startParserProcess(maxMemoryMb: number): ChildProcess {
  const execArgv = [`--max-old-space-size=${maxMemoryMb}`, '--max-semi-space-size=16'];
  if (runningFromSource) {
    const require = createRequire(import.meta.url);
    for (const module of ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs', 'tsx']) {
      execArgv.push('--import', pathToFileURL(require.resolve(module)).href);
    }
  }
  return fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
}
