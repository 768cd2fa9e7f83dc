import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { runCli } from '../support/run-cli.js';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Versioned assistants through the real CLI and a real server on the tiny chat model: files make versions, a new
// version answers only once released, and /api/ask and /v1 name the version that answered.
const question = 'Who approves international travel?';

describe('assistants', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;

  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, any> };
  };

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    const dataArgs = ['--data-dir', dataDirectory.path];
    expect((await runCli(['ingest', samplesDirectory, ...dataArgs, '--collection', 'handbook'])).exitCode).toBe(0);
    const first = path.join(dataDirectory.path, 'travel.yaml');
    await writeFile(
      first,
      'name: travel\ndescription: Travel rules\nsystemPrompt: Answer briefly.\ncollections: [handbook]\nretrieval:\n  k: 2\n',
    );
    const created = await runCli(['assistants', 'create', first, ...dataArgs, '--json']);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'travel', liveVersion: 1 });
    const second = path.join(dataDirectory.path, 'travel-2.json');
    await writeFile(
      second,
      JSON.stringify({
        name: 'travel',
        systemPrompt: 'Answer formally.',
        collections: ['handbook'],
        retrieval: { k: 1 },
      }),
    );
    const updated = await runCli(['assistants', 'update', second, ...dataArgs, '--json']);
    expect(JSON.parse(updated.stdout)).toMatchObject({ name: 'travel', version: 2 });
    const diff = await runCli(['assistants', 'diff', 'travel', '1', '2', ...dataArgs, '--json']);
    expect(JSON.parse(diff.stdout)).toEqual([
      { path: 'description', from: 'Travel rules', to: '' },
      { path: 'retrieval.k', from: 2, to: 1 },
      { path: 'systemPrompt', from: 'Answer briefly.', to: 'Answer formally.' },
    ]);
    const bad = path.join(dataDirectory.path, 'bad.yaml');
    await writeFile(bad, 'name: broken\ncollections: [handbook]\nretrival: {}\n');
    const refused = await runCli(['assistants', 'create', bad, ...dataArgs]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('retrival');
    // Version 3 retrieves only from engineering/: the release gate keeps it from going live, eval shows why.
    const third = path.join(dataDirectory.path, 'travel-3.yaml');
    await writeFile(
      third,
      'name: travel\ncollections: [handbook]\nretrieval:\n  filter:\n    sourcePrefix: engineering/\n',
    );
    expect((await runCli(['assistants', 'update', third, ...dataArgs])).exitCode).toBe(0);
    const questions = path.join(dataDirectory.path, 'questions.jsonl');
    await writeFile(questions, `${JSON.stringify({ question, relevant: ['travel-policy.md'] })}\n`);
    const gate = ['--eval', questions, '--fail-under', 'mrr@10=0.5', ...dataArgs];
    const refusedRelease = await runCli(['assistants', 'release', 'travel', '--version', '3', ...gate]);
    expect(refusedRelease.exitCode).toBe(1);
    expect(refusedRelease.stderr).toContain('FAILED mrr@10 = 0.000');
    const mrr = async (version: string) => {
      const evaluated = await runCli([
        'eval',
        questions,
        '--assistant',
        'travel',
        '--version',
        version,
        '--no-report',
        '--json',
        ...dataArgs,
      ]);
      expect(evaluated.exitCode, evaluated.stderr).toBe(0);
      return (
        JSON.parse(evaluated.stdout) as { retrieval: { configurations: Array<{ summary: { mrrAt10: number } }> } }
      ).retrieval.configurations[0]?.summary.mrrAt10;
    };
    expect(await mrr('3')).toBe(0);
    expect(await mrr('1')).toBe(1);
    const shown = await runCli(['assistants', 'show', 'travel', ...dataArgs]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ version: 1 });
    expect((await runCli(['assistants', 'release', 'travel', '--version', '1', ...gate])).exitCode).toBe(0);
    server = await startServerProcess([...dataArgs, '--model', models.chatModelPath], { ANDES_MAX_TOKENS: '16' });
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('the live version answers /api/ask and /v1 until another is released; rollback works', async () => {
    const ask = async () => (await call('POST', '/api/ask', { question, assistant: 'travel' })).body;
    const live = await ask();
    expect(live.assistant).toEqual({ name: 'travel', version: 1 });
    expect(live.citations.length).toBeGreaterThan(0);
    expect(live.citations.length).toBeLessThanOrEqual(2);
    const chat = await call('POST', '/v1/chat/completions', {
      model: 'travel',
      messages: [{ role: 'user', content: question }],
    });
    expect(chat.status).toBe(200);
    expect(chat.body.andes_assistant).toEqual({ name: 'travel', version: 1 });
    expect((await call('POST', '/api/assistants/travel/release', { version: 2 })).body).toMatchObject({
      version: 2,
      systemPrompt: 'Answer formally.',
    });
    const released = await ask();
    expect(released.assistant).toEqual({ name: 'travel', version: 2 });
    expect(released.citations.length).toBe(1);
    await call('POST', '/api/assistants/travel/release', { version: 1 });
    expect((await ask()).assistant).toEqual({ name: 'travel', version: 1 });
    const models = (await call('GET', '/v1/models')).body.data.map((model: { id: string }) => model.id);
    expect(models).toContain('travel');
  });

  test('the HTTP API makes versions, lists them, and refuses bad input with codes', async () => {
    const created = await call('POST', '/api/assistants', {
      name: 'hr',
      collections: ['handbook'],
      systemPrompt: 'Be kind.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'hr', version: 1, systemPrompt: 'Be kind.' });
    const next = await call('PUT', '/api/assistants/hr', { collections: ['handbook'], systemPrompt: 'Be kinder.' });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ version: 2 });
    expect((await call('GET', '/api/assistants/hr')).body).toMatchObject({
      version: 1,
      latestVersion: 2,
      systemPrompt: 'Be kind.',
    });
    expect(
      (await call('GET', '/api/assistants/hr/versions')).body.versions.map(
        (version: { version: number }) => version.version,
      ),
    ).toEqual([1, 2]);
    expect(
      (await call('GET', '/api/assistants')).body.assistants.map((assistant: { name: string }) => assistant.name),
    ).toEqual(['hr', 'travel']);
    const taken = await call('POST', '/api/assistants', { name: 'hr', collections: ['handbook'] });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'conflict']);
    const invalid = await call('POST', '/api/assistants', { name: 'bad name', collections: [] });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, 'invalid_request']);
    const adapter = await call('POST', '/api/assistants', {
      name: 'tuned',
      collections: ['handbook'],
      loraAdapter: 'missing',
    });
    expect([adapter.status, adapter.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await call('GET', '/api/assistants/nobody')).status).toBe(404);
    expect((await call('POST', '/api/assistants/hr/release', { version: 9 })).status).toBe(404);
    expect((await call('POST', '/api/ask', { question, assistant: 'nobody' })).status).toBe(404);
    expect((await call('DELETE', '/api/assistants/hr')).status).toBe(204);
    expect((await call('GET', '/api/assistants/hr')).status).toBe(404);
  });
});
