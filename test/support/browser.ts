import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repositoryRoot } from './repository.js';

/** Debian's Chromium (`scripts/setup.sh` installs it); Playwright's own browser download is never used. */
export const chromiumPath = '/usr/bin/chromium';

/** Where browser tests write their screenshots for a person to look at (ignored by git). */
export const screenshotDirectory = path.join(repositoryRoot, 'test', 'browser-screenshots');

/** True when the browser tests can run here; under CI a missing Chromium fails them instead of skipping. */
export const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true';

/** A headless Chromium with a fresh profile, and one page in it. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Writes `NAME.png` of the page into {@link screenshotDirectory}. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium through playwright-core, headless, with a fresh `--user-data-dir` (a temporary profile,
 * removed on close) and nothing that reaches the network by itself.
 */
export async function launchBrowser(viewport = { width: 1280, height: 860 }): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'andes-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await mkdir(screenshotDirectory, { recursive: true });
  return {
    context,
    page,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`) });
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
