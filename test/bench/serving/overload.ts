import { percentile, timedStream, type TimedStream } from './http-measures.js';

/** What an open-loop overload run saw. */
export interface OverloadResult {
  offered: number;
  admitted: TimedStream[];
  refused: TimedStream[];
  /** Answers with a 5xx status other than 503. */
  serverErrors: number;
  /** Requests the server held at once (sent, not refused, not finished), at most. */
  mostHeld: number;
  /** p99 time to first token of admitted requests, ms. */
  admittedP99FirstTokenMs: number;
}

/**
 * Sends streaming requests at `ratePerSecond` for `seconds`, open loop (each on schedule, whether or not earlier
 * ones are answered), and sorts the answers into admitted (200) and refused (429).
 */
export async function runOverload(
  url: string,
  body: Record<string, unknown>,
  ratePerSecond: number,
  seconds: number,
): Promise<OverloadResult> {
  const offered = Math.round(ratePerSecond * seconds);
  const started = performance.now();
  let held = 0;
  let mostHeld = 0;
  const runs: Promise<TimedStream>[] = [];
  for (let index = 0; index < offered; index += 1) {
    const due = started + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    held += 1;
    mostHeld = Math.max(mostHeld, held);
    runs.push(
      timedStream(url, body).finally(() => {
        held -= 1;
      }),
    );
  }
  const results = await Promise.all(runs);
  const admitted = results.filter((result) => result.status === 200);
  return {
    offered,
    admitted,
    refused: results.filter((result) => result.status === 429),
    serverErrors: results.filter((result) => result.status >= 500 && result.status !== 503).length,
    mostHeld,
    admittedP99FirstTokenMs: percentile(
      admitted.flatMap((result) => (result.firstTokenMs === undefined ? [] : [result.firstTokenMs])),
      99,
    ),
  };
}
