/**
 * Ingestion of Chinese text against English text of the same byte size: the plain-text Debian Reference in
 * Simplified Chinese (Debian `debian-reference-zh-cn`) and the State of the Union addresses, each cut into the
 * same number of documents of the same UTF-8 size, ingested by the Andes runtime without an embedding model.
 * Runs each twice, interleaved, and keeps the faster run; prints documents/s, chunks/s and the Chinese/English
 * ratio. Skipped when the Debian package is missing (`scripts/setup.sh` installs it as root).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig, openAndes } from '@andes-rag/runtime';
import { sotuPassages } from './scale/sotu-passages.js';

const chineseText = '/usr/share/debian-reference/debian-reference.zh-cn.txt.gz';
const documentBytes = 4096;
const documentCount = 400;
const encoder = new TextEncoder();

/** `count` documents of about `size` UTF-8 bytes each, cut from `text` at line ends. */
function documentsOf(text: string, prefix: string): Array<{ source: string; bytes: Uint8Array }> {
  const documents: Array<{ source: string; bytes: Uint8Array }> = [];
  let current = '';
  for (const line of text.split('\n')) {
    current += `${line}\n`;
    if (encoder.encode(current).length >= documentBytes) {
      documents.push({
        source: `${prefix}/${String(documents.length).padStart(4, '0')}.txt`,
        bytes: encoder.encode(current),
      });
      current = '';
      if (documents.length === documentCount) break;
    }
  }
  return documents;
}

async function ingest(
  documents: Array<{ source: string; bytes: Uint8Array }>,
): Promise<{ seconds: number; chunks: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-bench-cjk-'));
  try {
    const runtime = await openAndes(loadConfig({ dataDir }, {}));
    let chunks = 0;
    const started = performance.now();
    for (let start = 0; start < documents.length; start += 50) {
      const report = await runtime.ingest('bench', documents.slice(start, start + 50));
      for (const file of report.files) chunks += file.chunkCount ?? 0;
    }
    const seconds = (performance.now() - started) / 1000;
    await runtime.close();
    return { seconds, chunks };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (!existsSync(chineseText)) {
  console.log(`skipped: ${chineseText} is missing (Debian package debian-reference-zh-cn)`);
} else {
  const chinese = documentsOf(gunzipSync(readFileSync(chineseText)).toString('utf8'), 'zh');
  const english = documentsOf(
    sotuPassages()
      .map((passage) => passage.text)
      .join('\n'),
    'en',
  );
  const count = Math.min(chinese.length, english.length);
  const sets = { chinese: chinese.slice(0, count), english: english.slice(0, count) };
  const best: Record<string, { seconds: number; chunks: number }> = {};
  for (const name of ['chinese', 'english', 'chinese', 'english'] as const) {
    const result = await ingest(sets[name]);
    if (!best[name] || result.seconds < best[name].seconds) best[name] = result;
  }
  const megabytes = (list: Array<{ bytes: Uint8Array }>) =>
    list.reduce((sum, document) => sum + document.bytes.length, 0) / 1e6;
  console.log(`${count} documents of ~${documentBytes} UTF-8 bytes each; no embedding model; best of 2 runs`);
  console.log(
    `${'text'.padEnd(10)} ${'MB'.padStart(6)} ${'docs/s'.padStart(8)} ${'chunks'.padStart(7)} ${'chunks/s'.padStart(9)}`,
  );
  for (const name of ['chinese', 'english'] as const) {
    const { seconds, chunks } = best[name]!;
    console.log(
      `${name.padEnd(10)} ${megabytes(sets[name]).toFixed(2).padStart(6)} ${(count / seconds).toFixed(1).padStart(8)} ${String(chunks).padStart(7)} ${(chunks / seconds).toFixed(1).padStart(9)}`,
    );
  }
  const ratio = best.english!.seconds / best.chinese!.seconds;
  const bytesRatio =
    megabytes(sets.chinese) / best.chinese!.seconds / (megabytes(sets.english) / best.english!.seconds);
  console.log(
    `Chinese/English: documents/s ${ratio.toFixed(2)}, MB/s ${bytesRatio.toFixed(2)}; chunks per document ${(best.chinese!.chunks / count).toFixed(2)} vs ${(best.english!.chunks / count).toFixed(2)}`,
  );
}
