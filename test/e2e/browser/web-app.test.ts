import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type BrowserSession } from '../../support/browser.js';
import { samplesDirectory, temporaryDirectory } from '../../support/repository.js';
import { startServerProcess, type ServerProcess } from '../../support/server-process.js';
import { folderFormData } from '../../support/upload.js';

/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against a real `andes serve` with the
 * tiny chat model, keys on and the sample handbook: every step as a person does it, through the accessible names
 * the app promises (apps/web/README.md). Screenshots of each state go to test/browser-screenshots/.
 */
const adminKey = 'browser-test-admin-key-0123456789';
const question = 'Who approves international travel?';
const hostileText = [
  '# Zorblax procedure',
  '',
  'The zorblax procedure is approved by the zorblax board. <script>window.__pwned = "script"</script>',
  '<img src="nowhere.png" onerror="window.__pwned = \'onerror\'"> [zorblax approval form](javascript:window.__pwned=\'link\')',
  'Also ![zorblax chart](http://attacker.example/leak.png) and <a href="javascript:window.__pwned=\'anchor\'">zorblax help</a>.',
].join('\n');

describe.skipIf(!browserAvailable)('the web app in Chromium', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let browser: BrowserSession;
  let page: Page;

  const api = async <T>(route: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${adminKey}` },
    });
    expect(response.ok, `${route}: ${response.status}`).toBe(true);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const documentsIn = async (collection: string) =>
    (await api<{ documents: Array<{ id: string; source: string }> }>(`/api/collections/${collection}/documents`))
      .documents;
  /** Slows the page's downloads (Chromium's network emulation), so a streamed answer arrives in many pieces. */
  const slowNetwork = async (bytesPerSecond: number | false) => {
    const session = await browser.context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: bytesPerSecond === false ? -1 : bytesPerSecond,
      uploadThroughput: -1,
    });
  };
  const messages = () => page.getByRole('log', { name: 'Messages' });
  const lastAnswer = () => messages().getByRole('article', { name: 'Answer' }).last();
  /** Sends a message and waits until its answer is finished (Copy is offered once it is). */
  const ask = async (text: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await lastAnswer().getByRole('button', { name: 'Copy' }).waitFor();
  };

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path, '--model', models.chatModelPath], {
      ANDES_ADMIN_KEY: adminKey,
      ANDES_RATE_LIMIT_PER_MINUTE: '0',
      ANDES_MAX_TOKENS: '64',
    });
    const { form } = await folderFormData(samplesDirectory);
    await api('/api/collections/handbook/documents', { method: 'POST', body: form });
    const hostile = new FormData();
    hostile.append('files', new Blob([hostileText]), 'zorblax.md');
    await api('/api/collections/hostile/documents', { method: 'POST', body: hostile });
    await api('/api/assistants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'travel', description: 'Travel questions', collections: ['handbook'] }),
    });
    browser = await launchBrowser();
    page = browser.page;
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('signs in with an API key', async () => {
    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'API key' }).fill('not-a-key-of-this-server');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
    await browser.screenshot('sign-in');
    await page.getByRole('textbox', { name: 'API key' }).fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'New chat' }).waitFor();
    for (const name of ['Documents', 'Assistants', 'Evaluations']) {
      expect(await page.getByRole('link', { name }).count()).toBe(1);
    }
    expect(await page.getByRole('textbox', { name: 'API key' }).count()).toBe(0);
  });

  test('asks, and the answer streams in with its sources', async () => {
    await page.getByRole('combobox', { name: 'Assistant or collection' }).selectOption('collection:handbook');
    // Every state of the answer on screen (its text's length, and whether it was still streaming), recorded in the
    // page as it changes.
    await page.evaluate(() => {
      const seen: Array<{ length: number; streaming: boolean }> = [];
      (window as unknown as { answerStates: typeof seen }).answerStates = seen;
      new MutationObserver(() => {
        const answers = document.querySelectorAll('[role="log"] article[aria-label="Answer"]');
        const answer = answers[answers.length - 1];
        const length = answer?.querySelector('.message-text')?.textContent?.length ?? 0;
        const streaming = answer?.getAttribute('aria-busy') === 'true';
        const last = seen.at(-1);
        if (length > 0 && (last?.length !== length || last.streaming !== streaming)) seen.push({ length, streaming });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // Downloads slowed down (Chromium's network emulation): the tiny model writes its tokens faster than a page
    // reads, so on a fast connection the whole answer may arrive in one piece.
    await slowNetwork(4096);
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await lastAnswer().getByRole('button', { name: 'Copy' }).waitFor();
    await slowNetwork(false);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    const states = await page.evaluate(
      () => (window as unknown as { answerStates: Array<{ length: number; streaming: boolean }> }).answerStates,
    );
    // Streamed: the answer's tokens were on screen before its final event, then it finished.
    expect(states.at(-1)?.streaming).toBe(false);
    const shownWhileStreaming = states.filter((state) => state.streaming && state.length > 0);
    expect(shownWhileStreaming.length, JSON.stringify(states)).toBeGreaterThan(0);
    expect(await messages().getByText(question).count()).toBe(1);
    expect(await lastAnswer().getByRole('button', { name: '[1]' }).count()).toBe(1);
    await browser.screenshot('chat');
  });

  test('a citation opens the document with the cited passage highlighted', async () => {
    const conversations = await api<{ conversations: Array<{ id: string }> }>('/api/conversations');
    const stored = await api<{ messages: Array<{ citations?: Array<{ n: number; text: string; source: string }> }> }>(
      `/api/conversations/${conversations.conversations[0]?.id}`,
    );
    const cited = stored.messages.at(-1)?.citations?.find((citation) => citation.n === 1);
    expect(cited).toBeDefined();
    await lastAnswer().getByRole('button', { name: '[1]' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const mark = dialog.locator('mark');
    // The whole document is shown, the passage marked inside it and scrolled into view.
    await dialog.locator('[aria-label="Document text"][aria-busy="false"]').waitFor();
    expect(await dialog.getByText('could not be opened').count()).toBe(0);
    expect((await dialog.locator('.document-text').textContent())?.length).toBeGreaterThan(
      ((await mark.textContent())?.length ?? 0) + 100,
    );
    const words = (text: string) => text.split(/\W+/).filter((word) => word.length > 3);
    const marked = words((await mark.textContent()) ?? '');
    expect(words(cited?.text ?? '').filter((word) => marked.includes(word)).length).toBeGreaterThan(
      words(cited?.text ?? '').length / 2,
    );
    expect(await dialog.getByText(cited?.source ?? '?').count()).toBeGreaterThan(0);
    const box = await mark.boundingBox();
    const dialogBox = await dialog.boundingBox();
    expect(box && dialogBox && box.y >= dialogBox.y && box.y < dialogBox.y + dialogBox.height).toBe(true);
    await browser.screenshot('citation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('after a reload the conversation is still there', async () => {
    const url = page.url();
    expect(url).toMatch(/#\/c\/[\w-]+$/);
    await page.reload();
    await messages().getByText(question).waitFor();
    await lastAnswer().getByRole('button', { name: '[1]' }).waitFor();
    const conversationLinks = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link');
    expect(await conversationLinks.count()).toBe(1);
    expect(await conversationLinks.first().getAttribute('aria-current')).toBe('page');
    expect(await conversationLinks.first().getAttribute('href')).toBe(new URL(url).hash);
    // The stored answer can be rated.
    await lastAnswer().getByRole('button', { name: 'Helpful', exact: true }).click();
    await lastAnswer().locator('button[aria-pressed="true"]', { hasText: 'Helpful' }).waitFor();
    const id = decodeURIComponent(new URL(url).hash.replace('#/c/', ''));
    const stored = await api<{ messages: Array<{ role: string; feedback?: { rating: string } }> }>(
      `/api/conversations/${id}`,
    );
    expect(stored.messages.at(-1)?.feedback?.rating).toBe('up');
  });

  test('Stop ends the answer and keeps its sources', async () => {
    // A new chat: a follow-up is rewritten by the (random-weight) test model, and need not find sources.
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'New chat' }).click();
    await slowNetwork(2048);
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    // The sources arrive before the first token, so they are there while the answer still streams.
    await lastAnswer().getByRole('button', { name: '[1]' }).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await slowNetwork(false);
    await lastAnswer().getByText('Stopped.', { exact: true }).waitFor();
    expect(await lastAnswer().getByRole('button', { name: '[1]' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await lastAnswer().getByRole('button', { name: 'Copy' }).waitFor();
    expect(await lastAnswer().getByText('Stopped.').count()).toBe(0);
  });

  test('switching to an assistant starts a chat it answers', async () => {
    await page.getByRole('combobox', { name: 'Assistant or collection' }).selectOption('assistant:travel');
    expect(page.url()).not.toMatch(/#\/c\//);
    expect(await messages().getByRole('article').count()).toBe(0);
    await ask(question);
    const conversations = await api<{ conversations: Array<{ id: string; assistant?: string }> }>('/api/conversations');
    expect(conversations.conversations.map((conversation) => conversation.assistant ?? null)).toEqual([
      'travel',
      null,
      null,
    ]);
    expect(await page.getByRole('combobox', { name: 'Assistant or collection' }).inputValue()).toBe('assistant:travel');
    expect(await lastAnswer().getByRole('button', { name: '[1]' }).count()).toBe(1);
  });

  test("a hostile document's script, onerror image and javascript: links do nothing", async () => {
    const violations: string[] = [];
    page.on('console', (message) => violations.push(message.text()));
    await page.getByRole('combobox', { name: 'Assistant or collection' }).selectOption('collection:hostile');
    await ask('How is the zorblax procedure approved?');
    await lastAnswer().getByRole('button', { name: '[1]' }).click();
    await page.getByRole('dialog').locator('mark').waitFor();
    // The hostile text reached the page (as text) ...
    expect(await page.getByRole('dialog').getByText('onerror', { exact: false }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    // The passages, rendered as Markdown under each source: the hostile one among them.
    for (const summary of await lastAnswer().getByText('Passage', { exact: true }).all()) await summary.click();
    const rendered = lastAnswer().locator('.passage .markdown').filter({ hasText: 'zorblax board' });
    expect(await rendered.count()).toBeGreaterThan(0);
    for (const link of await rendered.getByText('zorblax approval form').all()) await link.click();
    for (const link of await rendered.getByText('zorblax help').all()) await link.click();
    // ... and nothing of it ran or became a live element.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('[onerror], a[href^="javascript:" i], img[src*="attacker.example"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(page.url().startsWith(server.url)).toBe(true);
    await browser.screenshot('hostile-document');
  });

  test('uploads a file with a progress bar, and refuses one over the limit in the browser', async () => {
    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('combobox', { name: 'Collection' }).selectOption('handbook');
    const text = `# Parking rules\n\n${'Bicycles go in the basement rack near the lifts. '.repeat(4000)}`;
    // A file over the limit, dropped on the drop zone (made in the page: 26 MB need not travel through the driver).
    await page.locator('.drop-zone').evaluate((zone) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(26 * 1024 * 1024)], 'huge.md', { type: 'text/markdown' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads.getByText('huge.md is 26.0 MB; the limit is 25.0 MB.').waitFor();
    await page
      .getByLabel('Choose files')
      .setInputFiles([{ name: 'parking.md', mimeType: 'text/markdown', buffer: Buffer.from(text) }]);
    const progress = page.getByRole('progressbar', { name: 'Upload progress parking.md' });
    await progress.waitFor();
    await uploads.getByText('stored').waitFor();
    expect(await progress.getAttribute('value')).toBe('1');
    await page.getByText('parking.md', { exact: true }).first().waitFor();
    const sources = (await documentsIn('handbook')).map((document) => document.source);
    expect(sources).toContain('parking.md');
    expect(sources).not.toContain('huge.md');
    await browser.screenshot('documents-upload');
  });

  test('deletes a document after confirmation', async () => {
    const target = (await documentsIn('handbook')).find((document) => document.source === 'parking.md');
    expect(target).toBeDefined();
    await page.getByRole('button', { name: 'Delete parking.md' }).click();
    await page.getByRole('button', { name: 'Delete parking.md' }).waitFor({ state: 'detached' });
    expect((await documentsIn('handbook')).map((document) => document.source)).not.toContain('parking.md');
  });

  test('a 390 px wide screen has no horizontal scroll, even with a long word', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('combobox', { name: 'Assistant or collection' }).selectOption('collection:handbook');
    await ask(`Travel ${'x'.repeat(300)} https://example.com/${'very-long-path/'.repeat(20)}`);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await browser.screenshot('chat-390px');
    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { name: 'Documents in handbook' }).waitFor();
    expect(await overflow()).toBe(0);
    await browser.screenshot('documents-390px');
  });

  test('dark mode follows the system setting', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    await browser.screenshot('documents-390px-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a server that stops answering is shown as unreachable, and a question says so', async () => {
    await page.getByRole('link', { name: 'Chat' }).click();
    await server.stop();
    await page.getByRole('status').filter({ hasText: 'Server unreachable' }).waitFor({ timeout: 15_000 });
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').filter({ hasText: 'cannot be reached' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    await browser.screenshot('server-unreachable');
  });
});
