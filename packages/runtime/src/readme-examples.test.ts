import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const packageFolder = fileURLToPath(new URL('../', import.meta.url));
const entry = path.join(packageFolder, 'src/index.ts');

/** The fenced `ts` blocks of the README, in order. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(path.join(packageFolder, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

let folder: string;
let examples: string[];
const startFolder = process.cwd();

beforeAll(async () => {
  examples = await readmeExamples();
  folder = await mkdtemp(path.join(os.tmpdir(), 'andes-readme-'));
  await mkdir(path.join(folder, 'docs/travel'), { recursive: true });
  await writeFile(path.join(folder, 'docs/vpn.md'), '# VPN\n\nConnect through the WireGuard VPN from the portal.\n');
  await writeFile(path.join(folder, 'docs/travel/hotels.txt'), 'The nightly hotel cap in Berlin is 180 euros.\n');
  process.chdir(folder);
});

afterAll(async () => {
  process.chdir(startFolder);
  await rm(folder, { recursive: true, force: true });
});

/** Runs one example as a module (importing this package's source), returning what it printed. */
async function runExample(index: number): Promise<unknown[][]> {
  const source = (examples[index] ?? '').replaceAll("from '@andes-rag/runtime'", `from ${JSON.stringify(entry)}`);
  const file = path.join(packageFolder, `.readme-example-${index}.ts`);
  await writeFile(file, source);
  const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await import(`${pathToFileURL(file).href}?run=${Date.now()}`);
    return printed.mock.calls;
  } finally {
    printed.mockRestore();
    await rm(file, { force: true });
  }
}

describe('the runtime README examples', () => {
  it('has the four examples these tests run', () => {
    expect(examples).toHaveLength(4);
  });

  it('opens Andes, ingests bytes and a folder, searches and answers extractively', async () => {
    const [ingested, hits, answer] = await runExample(0);
    expect(ingested?.[0]).toEqual(['docs/travel/hotels.txt: created', 'docs/vpn.md: created']);
    expect((hits?.[0] as string[])[0]).toBe('docs/travel/hotels.txt: The nightly hotel cap in Berlin is 180 euros.');
    expect(answer).toEqual(['extractive', expect.arrayContaining(['leave.txt'])]);
  });

  it('opens a loaded configuration read-only', async () => {
    const [collections] = await runExample(1);
    expect(collections?.[0]).toEqual([expect.objectContaining({ name: 'handbook' })]);
  });

  it("searches through the opened store's components", async () => {
    const [printed] = await runExample(2);
    expect(printed).toEqual(['leave.txt', 3]);
  });

  it('collects the Markdown files of a folder', async () => {
    const [printed] = await runExample(3);
    expect(printed?.[0]).toEqual(['docs/vpn.md']);
  });
});
