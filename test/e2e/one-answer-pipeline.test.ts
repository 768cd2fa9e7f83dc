import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { runCli } from '../support/run-cli.js';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const notCovered = 'The documents in this collection do not cover this question.';

interface Verdict {
  /** Whether the collection was judged to cover the question. */
  covered: boolean;
  /** Cited chunk ids, in citation order. */
  chunkIds: string[];
}

interface CitationLike {
  chunkId: string;
}

function verdict(answer: string, citations: CitationLike[]): Verdict {
  return { covered: answer !== notCovered, chunkIds: citations.map((citation) => citation.chunkId) };
}

const onTopic = 'Who approves international travel?';
const offTopic = 'Which football team won the World Cup final in the office?';
const history = [
  { role: 'user' as const, content: 'Who approves international travel?' },
  { role: 'assistant' as const, content: 'Your department head approves it [1].' },
];
const followUp = 'And how early do I have to ask them?';

// Every entry point that answers from a collection — `andes ask`, `POST /api/ask`, `/v1/chat/completions` with
// `andes:<collection>` — runs one pipeline: same citations, same coverage verdict, for an on-topic question, an
// off-topic one and a follow-up with history (condensed by the tiny chat model: noise, but the same noise).
describe('one answer pipeline behind the CLI, the HTTP API and the OpenAI API', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let modelArgs: string[];
  const cliVerdicts = new Map<string, Verdict>();

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    modelArgs = ['--data-dir', dataDirectory.path, '--model', models.chatModelPath];
    const ingested = await runCli([
      'ingest',
      samplesDirectory,
      '--data-dir',
      dataDirectory.path,
      '--collection',
      'handbook',
    ]);
    expect(ingested.exitCode).toBe(0);
    // The CLI runs before the server starts, so the two never hold the store at once.
    for (const question of [onTopic, offTopic]) {
      const asked = await runCli(['ask', question, '--json', '--collection', 'handbook', ...modelArgs], {
        ANDES_MAX_TOKENS: '24',
      });
      expect(asked.exitCode, asked.stderr).toBe(0);
      const answer = JSON.parse(asked.stdout) as { answer: string; citations: CitationLike[] };
      cliVerdicts.set(question, verdict(answer.answer, answer.citations));
    }
    server = await startServerProcess(modelArgs, { ANDES_MAX_TOKENS: '24' });
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  async function askHttp(question: string, askHistory?: typeof history): Promise<Verdict> {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, collection: 'handbook', ...(askHistory ? { history: askHistory } : {}) }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answer: string; citations: CitationLike[] };
    return verdict(body.answer, body.citations);
  }

  async function askOpenAi(question: string, askHistory: typeof history = []): Promise<Verdict> {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'andes:handbook', messages: [...askHistory, { role: 'user', content: question }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      choices: Array<{ message: { content: string; andes_citations?: CitationLike[] } }>;
    };
    const message = body.choices[0]?.message;
    return verdict(message?.content ?? '', message?.andes_citations ?? []);
  }

  test('an on-topic question: covered, with the same citations everywhere', async () => {
    const expected = cliVerdicts.get(onTopic);
    expect(expected?.covered).toBe(true);
    expect(expected?.chunkIds.length).toBeGreaterThan(0);
    expect(await askHttp(onTopic)).toEqual(expected);
    expect(await askOpenAi(onTopic)).toEqual(expected);
  });

  test('an off-topic question: "not covered" and no citation everywhere', async () => {
    expect(cliVerdicts.get(offTopic)).toEqual({ covered: false, chunkIds: [] });
    expect(await askHttp(offTopic)).toEqual({ covered: false, chunkIds: [] });
    expect(await askOpenAi(offTopic)).toEqual({ covered: false, chunkIds: [] });
  });

  test('a follow-up with history: the same verdict and citations from /api/ask and /v1', async () => {
    const asked = await askHttp(followUp, history);
    expect(await askOpenAi(followUp, history)).toEqual(asked);
  });
});
