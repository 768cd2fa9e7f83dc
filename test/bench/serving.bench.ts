/**
 * Serving benchmark: a real `andes serve` process on the tiny Llama 3 test model against node-llama-cpp used
 * directly, in one run. Prints ratios next to the goals:
 *   1. generation tokens/s, Andes (HTTP, /v1/chat/completions) over raw node-llama-cpp: same model, prompt, threads, tokens;
 *   2. /api/ask latency over (retrieval via /api/search + raw generation of the same prompt);
 *   3. aggregate tokens/s with 4 parallel streams over 1;
 *   4. overload at 4x measured capacity: 429s for the excess, admitted p99 time to first token over unloaded p99,
 *      no 5xx other than 503 — for several queue bounds.
 * Threads: ANDES_BENCH_THREADS (default 1) for both Andes and raw. ANDES_BENCH_SERVING_ONLY=overload runs part 4 alone.
 * ANDES_BENCH_SPARE_SEQUENCES sets the server's ANDES_CHAT_SPARE_SEQUENCES (0: no spares, the behaviour before them).
 * ANDES_BENCH_OVERLOAD_QUEUES: comma-separated queue bounds for part 4 (default 0,4,16).
 */
import os from 'node:os';
import { buildAnswerPrompt } from '@andes-rag/retrieval';
import type { Hit } from '@andes-rag/core';
import { ensureTestModels } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { folderFormData } from '../support/upload.js';
import { median, percentile, timedCompletion, timedStream } from './serving/http-measures.js';
import { runOverload } from './serving/overload.js';
import { openRawGenerator, type RawGenerator } from './serving/raw-llama.js';

const threads = Number(process.env['ANDES_BENCH_THREADS'] ?? 1);
const overloadOnly = process.env['ANDES_BENCH_SERVING_ONLY'] === 'overload';
const spareSequences = process.env['ANDES_BENCH_SPARE_SEQUENCES'];
const sequences = 4;
const overloadQueues = (process.env['ANDES_BENCH_OVERLOAD_QUEUES'] ?? `0,${sequences},16`).split(',').map(Number);
const configuredContextSize = 8192;
const answerTokens = 512;
// A p99 needs 100 samples or more: from 30 it is simply the slowest one, and one stray scheduling delay on a shared
// machine moves the ratio by half. ~5 admitted requests a second for 20 s gives about as many admitted as unloaded.
const overloadSeconds = 20;
const unloadedSamples = 100;
const rows: string[][] = [['measure', 'Andes', 'reference', 'ratio', 'goal', 'met']];
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const report = (
  measure: string,
  andes: string,
  reference: string,
  ratio: string,
  goal: string,
  met: boolean | undefined,
) => rows.push([measure, andes, reference, ratio, goal, met === undefined ? '-' : met ? 'yes' : 'NO']);

const loadAverage = () => fixed(os.loadavg()[0] ?? 0, 2);
const models = await ensureTestModels();
console.log(
  `tiny Llama 3 test model (F16, 2 layers, 128K vocabulary), CPU, threads ${threads} for Andes and raw node-llama-cpp`,
);
console.log(`chat sequences ${sequences}, spare sequences ${spareSequences ?? 'default'}`);
console.log(
  `load average at start: ${loadAverage()} on ${os.availableParallelism()} cores (above the core count, every ratio is noisy)`,
);
const dataDirectory = await temporaryDirectory('andes-bench-');
const environment = (queue: number) => ({
  ANDES_THREADS: String(threads),
  ANDES_GPU: 'cpu',
  ANDES_CHAT_SEQUENCES: String(sequences),
  ANDES_MAX_QUEUED_REQUESTS: String(queue),
  ANDES_MAX_TOKENS: String(answerTokens),
  ...(spareSequences === undefined ? {} : { ANDES_CHAT_SPARE_SEQUENCES: spareSequences }),
});
let server: ServerProcess = await startServerProcess(
  ['--data-dir', dataDirectory.path, '--model', models.chatModelPath, '--embedding-model', models.embeddingModelPath],
  environment(16),
);
const raw = await openRawGenerator(models.chatModelPath, threads, configuredContextSize);
const serverErrors: number[] = [];
try {
  const { form } = await folderFormData(samplesDirectory);
  await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form });
  const chatModel = ((await (await fetch(`${server.url}/readyz`)).json()) as { chatModel: string }).chatModel;

  if (!overloadOnly) {
    await compareGeneration(server.url, chatModel, raw);
    await compareAsk(server.url, raw);
    await compareParallel(server.url, chatModel);
  }
  for (const queue of overloadQueues) {
    await server.stop();
    server = await startServerProcess(
      ['--data-dir', dataDirectory.path, '--model', models.chatModelPath],
      environment(queue),
    );
    await overload(server.url, chatModel, queue);
  }
  report(
    '5xx other than 503, whole run',
    String(serverErrors.reduce((sum, count) => sum + count, 0)),
    '',
    '',
    '0',
    serverErrors.every((count) => count === 0),
  );
} finally {
  await server.stop();
  await raw.dispose();
  await dataDirectory.remove();
}
console.log(`load average at end: ${loadAverage()}`);
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));

/** 1. One stream of 256 greedy tokens, Andes over HTTP against raw node-llama-cpp, alternating, median of 5. */
async function compareGeneration(url: string, chatModel: string, generator: RawGenerator): Promise<void> {
  const messages = [{ role: 'user' as const, content: 'Write a long story about a llama who lives in the Andes.' }];
  const tokens = 256;
  const andesRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < 11; round += 1) {
    const andes = await timedCompletion(url, { model: chatModel, messages, max_tokens: tokens, temperature: 0 });
    const direct = await generator.generate(messages, tokens);
    if (andes.completionTokens !== direct.tokens)
      console.log(`  note: token counts differ (Andes ${andes.completionTokens}, raw ${direct.tokens})`);
    if (round < 2) continue; // warm-up: caches, both sides
    andesRates.push((andes.completionTokens / andes.milliseconds) * 1000);
    rawRates.push((direct.tokens / direct.milliseconds) * 1000);
  }
  const ratio = median(andesRates) / median(rawRates);
  const spread = (rates: number[]) => `${fixed(Math.min(...rates), 0)}-${fixed(Math.max(...rates), 0)}`;
  report(
    `generation tokens/s (${tokens} tokens, HTTP; median, range)`,
    `${fixed(median(andesRates))} (${spread(andesRates)})`,
    `${fixed(median(rawRates))} (${spread(rawRates)}) raw`,
    `${fixed(ratio, 2)}x`,
    '>= 0.95x',
    ratio >= 0.95,
  );
}

/** 2. /api/ask against /api/search plus raw generation of the prompt Andes builds from those hits. */
async function compareAsk(url: string, generator: RawGenerator): Promise<void> {
  const question = 'How many days do I have to submit receipts for my expenses?';
  const askTimes: number[] = [];
  const searchTimes: number[] = [];
  const rawTimes: number[] = [];
  let sameAnswer = true;
  for (let round = 0; round < 6; round += 1) {
    let started = performance.now();
    const askResponse = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, collection: 'handbook' }),
    });
    const answer = ((await askResponse.json()) as { answer: string }).answer;
    const askMs = performance.now() - started;
    started = performance.now();
    const search = await fetch(`${url}/api/search?collection=handbook&k=6&q=${encodeURIComponent(question)}`);
    const { hits } = (await search.json()) as { hits: Hit[] };
    const searchMs = performance.now() - started;
    const prompt = buildAnswerPrompt({
      question,
      hits,
      countTokens: (text) => generator.countTokens(text),
      contextSize: generator.contextSize,
      maxAnswerTokens: answerTokens,
    });
    const direct = await generator.generate(prompt.messages, answerTokens);
    sameAnswer &&= direct.text.trim() === answer;
    if (round < 1) continue;
    askTimes.push(askMs);
    searchTimes.push(searchMs);
    rawTimes.push(direct.milliseconds);
  }
  const ask = median(askTimes);
  const reference = median(searchTimes) + median(rawTimes);
  const met = ask <= reference * 1.05 || ask - reference <= 20;
  report(
    '/api/ask ms vs search + raw generation',
    fixed(ask),
    `${fixed(median(searchTimes))} + ${fixed(median(rawTimes))}`,
    `${fixed(ask / reference, 3)}x (${fixed(ask - reference)} ms)`,
    '<= 1.05x or +20 ms',
    met,
  );
  if (!sameAnswer) console.log('  note: the raw generation did not reproduce the /api/ask answer exactly');
}

/** 3. Aggregate tokens/s: 4 simultaneous requests against 1, median of 3 rounds each. */
async function compareParallel(url: string, chatModel: string): Promise<void> {
  const body = { model: chatModel, messages: [{ role: 'user', content: 'Tell me about llamas.' }], max_tokens: 128 };
  const rate = async (parallel: number) => {
    const rates: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const started = performance.now();
      const results = await Promise.all(Array.from({ length: parallel }, () => timedCompletion(url, body)));
      const total = results.reduce((sum, result) => sum + result.completionTokens, 0);
      if (round > 0) rates.push((total / (performance.now() - started)) * 1000);
    }
    return median(rates);
  };
  const single = await rate(1);
  const four = await rate(4);
  report(
    'aggregate tokens/s, 4 streams vs 1',
    fixed(four),
    `${fixed(single)} (1 stream)`,
    `${fixed(four / single, 2)}x`,
    'measured (CPU: small)',
    undefined,
  );
}

/** 4. Capacity with 4 busy sequences, unloaded time to first token (100 requests), then 4x capacity for 20 s. */
async function overload(url: string, chatModel: string, queue: number): Promise<void> {
  const body = { model: chatModel, messages: [{ role: 'user', content: 'Tell me about llamas.' }], max_tokens: 64 };
  const walls: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    const started = performance.now();
    await Promise.all(Array.from({ length: sequences }, () => timedCompletion(url, body)));
    if (round > 0) walls.push(performance.now() - started);
  }
  const capacity = (sequences / median(walls)) * 1000;
  const unloaded: number[] = [];
  for (let index = 0; index < unloadedSamples + 5; index += 1) {
    const result = await timedStream(url, body);
    if (index >= 5 && result.firstTokenMs !== undefined) unloaded.push(result.firstTokenMs); // 5 warm-up requests
  }
  const unloadedP99 = percentile(unloaded, 99);
  const result = await runOverload(url, body, capacity * 4, overloadSeconds);
  serverErrors.push(result.serverErrors);
  const label = `queue ${queue}`;
  const withRetryAfter = result.refused.every((refused) => refused.retryAfter !== null);
  report(
    `${label}: offered 4x capacity (${fixed(capacity * 4)} req/s, ${overloadSeconds} s)`,
    `${result.admitted.length} ok, ${result.refused.length} 429`,
    `${result.offered} sent`,
    '',
    'excess gets 429 + Retry-After',
    result.refused.length > 0 && withRetryAfter && result.admitted.length + result.refused.length === result.offered,
  );
  report(
    `${label}: requests in flight at once (client)`,
    String(result.mostHeld),
    `bound ${sequences + queue} + in transit`,
    '',
    'bounded',
    undefined,
  );
  const ratio = result.admittedP99FirstTokenMs / unloadedP99;
  const admittedP50 = percentile(
    result.admitted.flatMap((admitted) => admitted.firstTokenMs ?? []),
    50,
  );
  report(
    `${label}: admitted p50 first token ms`,
    fixed(admittedP50),
    `${fixed(percentile(unloaded, 50))} unloaded`,
    `${fixed(admittedP50 / percentile(unloaded, 50), 2)}x`,
    '',
    undefined,
  );
  report(
    `${label}: admitted p99 first token ms (${result.admitted.length} vs ${unloaded.length})`,
    fixed(result.admittedP99FirstTokenMs),
    `${fixed(unloadedP99)} unloaded`,
    `${fixed(ratio, 2)}x`,
    '<= 2x',
    ratio <= 2,
  );
  report(`${label}: 5xx other than 503`, String(result.serverErrors), '', '', '0', result.serverErrors === 0);
}
