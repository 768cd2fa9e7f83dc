import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { AndesError } from '@andes-rag/core';
import type { PrepareDocumentInput, PreparedDocument } from '../../ingestion/prepare-document.js';
import type { ParsedText } from '../document-parser.js';
import { resolveParseLimits, type ParseLimits, type ResolvedParseLimits } from '../parse-limits.js';
import {
  deserializeError,
  type ParseRequest,
  type ParseResponse,
  type ParserType,
  type PrepareRequest,
} from './parse-messages.js';
import { startParserProcess } from './start-parser-process.js';

/** Options for a {@link ParserProcessPool}. */
export interface ParserProcessPoolOptions {
  /**
   * Most parser processes at once; more files wait their turn. Default: `os.availableParallelism()`, so a batch of
   * files is parsed on every core while the caller stores the ones already parsed.
   */
  processes?: number;
  /** `timeoutMs` and `maxMemoryMb` bound each process. Default: {@link defaultParseLimits}. */
  limits?: ParseLimits;
  /** An idle process is stopped after this many milliseconds, returning its memory. Default 30,000. */
  idleTimeoutMs?: number;
}

/** One file for {@link ParserProcessPool.parse}. */
export interface PooledParse {
  source: string;
  /** A built-in parser's media type. */
  mediaType: string;
  /** Copied to the parser process; the caller's bytes stay as they are. */
  bytes: Uint8Array;
  /** Passed to the parser. */
  limits: ParseLimits;
}

interface Job {
  source: string;
  /** The request's id, once it was sent to a process. */
  id?: number;
  /** The request without its id. */
  message: Omit<ParseRequest, 'id'> | Omit<PrepareRequest, 'id'>;
  resolve: (result: never) => void;
  reject: (error: AndesError) => void;
}

interface ParserProcess {
  child: ChildProcess;
  /** True once Node has started it and it can take a file at once. */
  ready: boolean;
  /**
   * Files sent to it, in the order it works through them: the first is the one it is on (its time limit runs once
   * it says it started), the others wait in its IPC channel (see {@link filesSentAhead}).
   */
  jobs: Job[];
  timer: NodeJS.Timeout | undefined;
}

/**
 * Files a busy process is sent ahead of the one it is on. The caller's thread stores documents synchronously
 * (SQLite), and a process whose next file only arrives when that thread is free again idles meanwhile; with the next
 * file already in its channel it goes straight on. A file waiting in a process that dies or runs out of time was
 * never started there: it goes back to the front of the queue.
 */
export const filesSentAhead = 1;

/**
 * Parses files in child processes, each with a V8 heap limit (`maxMemoryMb`) and a time limit (`timeoutMs`).
 * A process that runs out of time is killed; one that runs out of memory dies on its own; either way only its file
 * fails (AndesError `parse_failed` for time, `payload_too_large` for memory) and the next file gets a fresh
 * process. Child processes rather than worker threads, because V8 can abort the whole process when a worker
 * thread hits its heap limit in some allocations (nodejs/node#47224; seen here with a 48 MB CSV): a hostile file
 * must never take the server down. Processes start on demand, are reused, do not keep the parent alive while
 * idle, and stop after `idleTimeoutMs`. `close()` stops them all; the pool can be used again.
 */
export class ParserProcessPool {
  private readonly size: number;
  private readonly limits: ResolvedParseLimits;
  private readonly idleTimeoutMs: number;
  private readonly processes = new Set<ParserProcess>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** True while {@link close} stops the processes: files they give back are not sent anywhere. */
  private closing = false;

  constructor(options: ParserProcessPoolOptions = {}) {
    this.size = Math.max(1, options.processes ?? availableParallelism());
    this.limits = resolveParseLimits(options.limits);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  }

  /** Parses one file in a parser process. Rejects with the parser's AndesError, or as described on the class. */
  parse(request: PooledParse): Promise<ParsedText> {
    const { source, mediaType, bytes, limits } = request;
    return this.enqueue(source, { kind: 'parse', source, mediaType, bytes, limits });
  }

  /**
   * Recognises, parses, cleans and chunks one file in a parser process with the built-in parsers (see
   * `prepareDocument`), under the pool's time and memory limits; `parserTypes` and `limits` describe the caller's
   * registry (whose parsers must be the built-in ones). Rejects like {@link parse}.
   */
  prepare(input: PrepareDocumentInput, parserTypes: ParserType[], limits: ParseLimits): Promise<PreparedDocument> {
    return this.enqueue(input.source, { kind: 'prepare', input, parserTypes, limits });
  }

  private enqueue<Result>(source: string, message: Job['message']): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ source, message, resolve: resolve as (result: never) => void, reject });
      this.dispatch();
    });
  }

  /** True when a started process waits for work: a file sent now begins at once. */
  hasIdleProcess(): boolean {
    return this.queue.length === 0 && [...this.processes].some((entry) => entry.ready && entry.jobs.length === 0);
  }

  /** Starts one more process ahead of need (up to `processes`), so that a later file does not wait for Node to boot. */
  warm(): void {
    const entry = this.spawn();
    if (!entry) return;
    setReferenced(entry.child, false);
    entry.timer = setTimeout(() => void this.retire(entry), this.idleTimeoutMs).unref();
  }

  /** Stops every parser process; files still queued or parsing fail with `aborted`. */
  async close(): Promise<void> {
    const closing = new AndesError('aborted', 'The parser pool was closed.');
    this.closing = true;
    try {
      await Promise.all([...this.processes].map((entry) => this.retire(entry, closing)));
    } finally {
      this.closing = false;
    }
    // Files that were waiting in a process came back to the queue as it stopped.
    for (const job of this.queue.splice(0)) job.reject(closing);
  }

  /** Sends queued files to idle processes, then to new ones, then ahead to busy ones (see {@link filesSentAhead}). */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.closing) {
      const entries = [...this.processes];
      const entry =
        entries.find((candidate) => candidate.jobs.length === 0) ??
        this.spawn() ??
        entries.find((candidate) => candidate.jobs.length <= filesSentAhead);
      if (!entry) return;
      const job = this.queue.shift() as Job;
      if (entry.jobs.length === 0) clearTimeout(entry.timer);
      job.id = this.nextId++;
      entry.jobs.push(job);
      setReferenced(entry.child, true);
      entry.child.send({ ...job.message, id: job.id });
    }
  }

  private spawn(): ParserProcess | undefined {
    if (this.processes.size >= this.size) return undefined;
    const entry: ParserProcess = {
      child: startParserProcess(this.limits.maxMemoryMb),
      ready: false,
      jobs: [],
      timer: undefined,
    };
    this.processes.add(entry);
    entry.child.on('message', (response: ParseResponse) => this.finish(entry, response));
    entry.child.on(
      'error',
      (error) => void this.retire(entry, this.failure(entry, `could not run its parser (${error.message})`)),
    );
    entry.child.on('exit', (code, signal) => void this.retire(entry, this.exitError(entry, code, signal)));
    return entry;
  }

  private startTimeLimit(entry: ParserProcess, job: Job): void {
    entry.timer = setTimeout(() => void this.retire(entry, this.timeoutError(job)), this.limits.timeoutMs);
  }

  private finish(entry: ParserProcess, response: ParseResponse): void {
    if ('ready' in response) {
      entry.ready = true;
      return;
    }
    const job = entry.jobs[0];
    if (!job || response.id !== job.id) return;
    clearTimeout(entry.timer);
    if ('started' in response) {
      // The file's time limit starts once the process has loaded the code it needs, not while Node boots or a
      // parser library loads.
      this.startTimeLimit(entry, job);
      return;
    }
    entry.jobs.shift();
    if ('error' in response) job.reject(deserializeError(response.error));
    else job.resolve(('parsed' in response ? response.parsed : response.prepared) as never);
    if (entry.jobs.length === 0) {
      setReferenced(entry.child, false);
      entry.timer = setTimeout(() => void this.retire(entry), this.idleTimeoutMs).unref();
    }
    this.dispatch();
  }

  /** Stops a process, failing its file with `error` if it had one, and starts the next queued file elsewhere. */
  private async retire(entry: ParserProcess, error?: AndesError): Promise<void> {
    if (!this.processes.delete(entry)) return;
    clearTimeout(entry.timer);
    const [job, ...waiting] = entry.jobs;
    if (job) job.reject(error ?? this.failure(entry, 'stopped'));
    entry.jobs = [];
    this.queue.unshift(...waiting);
    entry.child.removeAllListeners('message');
    if (entry.child.exitCode === null && entry.child.signalCode === null) {
      const exited = new Promise((resolve) => entry.child.once('exit', resolve));
      // An idle process is unreferenced; reference it again so the caller's process lives until it has exited.
      setReferenced(entry.child, true);
      entry.child.kill('SIGKILL');
      await exited;
    }
    this.dispatch();
  }

  private timeoutError(job: Job): AndesError {
    const seconds = this.limits.timeoutMs / 1000;
    return new AndesError('parse_failed', `Parsing "${job.source}" took longer than ${seconds} s and was stopped.`, {
      details: { source: job.source, timeoutMs: this.limits.timeoutMs },
    });
  }

  /** V8 aborts (SIGABRT, exit code 134) when a heap limit is reached. */
  private exitError(entry: ParserProcess, code: number | null, signal: NodeJS.Signals | null): AndesError {
    if (signal !== 'SIGABRT' && code !== 134) return this.failure(entry, `stopped (${signal ?? `exit code ${code}`})`);
    const source = entry.jobs[0]?.source ?? 'a file';
    return new AndesError(
      'payload_too_large',
      `Parsing "${source}" needed more than ${this.limits.maxMemoryMb} MiB of memory and was stopped.`,
      {
        details: { source, maxMemoryMb: this.limits.maxMemoryMb },
      },
    );
  }

  private failure(entry: ParserProcess, what: string): AndesError {
    const source = entry.jobs[0]?.source ?? 'a file';
    return new AndesError('parse_failed', `The parser process reading "${source}" ${what}.`, { details: { source } });
  }
}

/** An idle parser process (and its IPC channel) must not keep the parent process alive; a busy one must. */
function setReferenced(child: ChildProcess, referenced: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (referenced) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}
