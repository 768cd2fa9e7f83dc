/** A non-streaming chat completion, timed end to end. */
export interface TimedCompletion {
  status: number;
  milliseconds: number;
  completionTokens: number;
  text: string;
}

/** A streaming chat completion, timed to its first content chunk and to its end. */
export interface TimedStream {
  status: number;
  /** Milliseconds from sending to the first content chunk; undefined when none came. */
  firstTokenMs: number | undefined;
  totalMs: number;
  retryAfter: string | null;
}

/** POSTs a chat completion and waits for the whole JSON answer. */
export async function timedCompletion(url: string, body: Record<string, unknown>): Promise<TimedCompletion> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    usage?: { completion_tokens: number };
    choices?: Array<{ message: { content: string } }>;
  };
  return {
    status: response.status,
    milliseconds: performance.now() - started,
    completionTokens: json.usage?.completion_tokens ?? 0,
    text: json.choices?.[0]?.message.content ?? '',
  };
}

/** POSTs a streaming chat completion and reads it to the end, noting when the first content arrived. */
export async function timedStream(url: string, body: Record<string, unknown>): Promise<TimedStream> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  let firstTokenMs: number | undefined;
  let received = '';
  const decoder = new TextDecoder();
  for await (const bytes of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    if (firstTokenMs !== undefined) continue;
    received += decoder.decode(bytes, { stream: true });
    // The role chunk carries `"content":""`; the first text chunk is the first delta with non-empty content.
    if (/"delta":\{"content":"(?!")/.test(received)) firstTokenMs = performance.now() - started;
  }
  return {
    status: response.status,
    firstTokenMs,
    totalMs: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The nearest-rank `p`th percentile (0 < p ≤ 100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
