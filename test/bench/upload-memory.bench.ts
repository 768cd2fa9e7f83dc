/**
 * Upload memory: one multipart upload of 100 files × 24 MiB of generated text (on disk under the system temporary
 * folder, streamed by this process) to a real `andes serve` process, and that server's peak RSS (`VmHWM`) once it
 * has answered. Every file is over the parser's text limit, so ingestion rejects each after reading it: what is
 * measured is holding the upload, not indexing 2.4 GB. ANDES_BENCH_BASELINE_CLI names another build's
 * `apps/cli/dist/main.js` (e.g. the commit before uploads were streamed to disk, checked out with
 * `git worktree add`) to measure it side by side; the ratio is the result. ANDES_BENCH_UPLOAD_FILES and
 * ANDES_BENCH_UPLOAD_MIB change the shape (default 100 and 24).
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { cliEntry, childEnvironment, temporaryDirectory } from '../support/repository.js';

const fileCount = Number(process.env['ANDES_BENCH_UPLOAD_FILES'] ?? 100);
const fileMib = Number(process.env['ANDES_BENCH_UPLOAD_MIB'] ?? 24);
const baselineCli = process.env['ANDES_BENCH_BASELINE_CLI'];
const boundary = 'andes-bench-upload-boundary';

/** Writes one text file of `fileMib` MiB: numbered sentences, so no two files are alike. */
async function writeTextFile(file: string, seed: number): Promise<void> {
  const stream = createWriteStream(file);
  const line = (index: number) =>
    `Line ${index} of file ${seed}: the nightly hotel cap in Berlin is ${index % 300} euros.\n`;
  let written = 0;
  let index = 0;
  const target = fileMib * 1024 * 1024;
  while (written < target) {
    let block = '';
    while (block.length < 1024 * 1024 && written + block.length < target) block += line(index++);
    const chunk = block.slice(0, target - written);
    written += chunk.length;
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

function partHeader(name: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`;
}

/** Streams every file in one multipart POST with an exact Content-Length; resolves with the status. */
async function upload(url: string, files: string[]): Promise<number> {
  const fileBytes = fileMib * 1024 * 1024;
  const closing = `--${boundary}--\r\n`;
  const length =
    files.reduce((sum, file) => sum + Buffer.byteLength(partHeader(path.basename(file))) + fileBytes + 2, 0) +
    closing.length;
  const outgoing = request(`${url}/api/collections/bench/documents`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(length) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
  });
  for (const file of files) {
    outgoing.write(partHeader(path.basename(file)));
    for await (const chunk of createReadStream(file)) if (!outgoing.write(chunk)) await once(outgoing, 'drain');
    outgoing.write('\r\n');
  }
  outgoing.end(closing);
  return answered;
}

async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kib('VmRSS') / 1024, peakMb: kib('VmHWM') / 1024 };
}

/** Starts `entry serve` on a free port, uploads, and returns the server's memory before and its peak after. */
async function measure(
  entry: string,
  files: string[],
): Promise<{ idleMb: number; peakMb: number; status: number; seconds: number }> {
  const data = await temporaryDirectory('andes-bench-upload-');
  const bytesInFlight = String(2 * fileCount * fileMib * 1024 * 1024);
  const child = spawn(process.execPath, [entry, 'serve', '--port', '0', '--data-dir', data.path], {
    env: childEnvironment({
      ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT: bytesInFlight,
      ANDES_MAX_UPLOAD_BYTES: String(32 * 1024 * 1024),
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        const match = /serving (http:\/\/\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${stderr}`)));
    });
    const idle = await memoryOf(child.pid ?? 0);
    const started = performance.now();
    const status = await upload(url, files);
    const seconds = (performance.now() - started) / 1000;
    const after = await memoryOf(child.pid ?? 0);
    return { idleMb: idle.rssMb, peakMb: after.peakMb, status, seconds };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit').catch(() => undefined);
    await data.remove();
  }
}

const folder = path.join(os.tmpdir(), `andes-bench-upload-files-${fileCount}x${fileMib}`);
await mkdir(folder, { recursive: true });
const files = Array.from({ length: fileCount }, (_, index) =>
  path.join(folder, `file-${String(index).padStart(3, '0')}.txt`),
);
console.log(`generating ${fileCount} × ${fileMib} MiB of text in ${folder}…`);
for (const [index, file] of files.entries()) await writeTextFile(file, index);

const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
if (baselineCli !== undefined) rows.push(['baseline (ANDES_BENCH_BASELINE_CLI)', await measure(baselineCli, files)]);
rows.push(['this build', await measure(cliEntry, files)]);
await rm(folder, { recursive: true, force: true });

console.log(
  `one upload of ${fileCount} files × ${fileMib} MiB (${((fileCount * fileMib) / 1024).toFixed(2)} GiB), server RSS:`,
);
console.log(
  'build'.padEnd(38),
  'idle MB'.padStart(9),
  'peak MB'.padStart(9),
  'status'.padStart(7),
  'seconds'.padStart(8),
);
for (const [name, result] of rows) {
  console.log(
    name.padEnd(38),
    result.idleMb.toFixed(0).padStart(9),
    result.peakMb.toFixed(0).padStart(9),
    String(result.status).padStart(7),
    result.seconds.toFixed(1).padStart(8),
  );
}
const [baseline, current] = [rows.find(([name]) => name.startsWith('baseline'))?.[1], rows.at(-1)?.[1]];
if (baseline !== undefined && current !== undefined) {
  console.log(`peak RSS, this build / baseline: ${(current.peakMb / baseline.peakMb).toFixed(3)}`);
}
