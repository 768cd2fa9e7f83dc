import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';

/**
 * A report id as `andes eval` writes it (`@andes-rag/evaluation`'s `reportIdPattern`): a UTC timestamp, a dash and a
 * lower-case slug. No dots or slashes, so an id can never leave the reports folder.
 */
export const evalReportIdPattern = /^[0-9]{8}T[0-9]{6}Z-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The folder `andes eval` writes reports to by default. */
export function evalReportsDirectory(dataDir: string): string {
  return path.join(dataDir, 'eval-reports');
}

/** What the report list shows of one report. */
export interface EvalReportSummary {
  id: string;
  createdAt: string;
  dataset: string;
  questionCount: number;
  k: number;
  baseline: string;
  /** Best first. */
  configurations: Array<{
    name: string;
    rank: number;
    hitAtK: number;
    recallAtK: number;
    mrrAt10: number;
    ndcgAt10: number;
  }>;
  /** True when every gate passed, false when one failed, null when none was set. */
  gatesPassed: boolean | null;
  /** Present when answers were evaluated. */
  modelJudged: boolean;
}

// Only the fields the list shows; the full report is served as written.
const reportSchema = z.object({
  format: z.literal('andes-evaluation-report'),
  id: z.string(),
  createdAt: z.string(),
  retrieval: z.object({
    dataset: z.object({ name: z.string(), questionCount: z.number() }),
    k: z.number(),
    baseline: z.string(),
    configurations: z.array(
      z.object({
        name: z.string(),
        rank: z.number(),
        summary: z.object({ hitAtK: z.number(), recallAtK: z.number(), mrrAt10: z.number(), ndcgAt10: z.number() }),
      }),
    ),
  }),
  gates: z.array(z.object({ passed: z.boolean() })),
  answers: z.object({ modelJudged: z.unknown().optional() }).optional(),
});

/** Summaries of the well-formed reports in `directory`, newest first. A missing folder has none. */
export async function listEvalReports(directory: string): Promise<EvalReportSummary[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new AndesError('storage_error', `Cannot list evaluation reports: ${error.message}`, { cause: error });
  });
  const ids = names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .filter((id) => evalReportIdPattern.test(id));
  const summaries = await Promise.all(ids.map((id) => readSummary(directory, id)));
  return summaries
    .filter((summary): summary is EvalReportSummary => summary !== undefined)
    .sort((left, right) => right.id.localeCompare(left.id));
}

/**
 * The bytes of report `id` in the given format.
 * @throws AndesError `invalid_request` for a malformed id, `not_found` when there is no such report.
 */
export async function readEvalReport(directory: string, id: string, format: 'json' | 'html'): Promise<Buffer> {
  if (id.length > 120 || !evalReportIdPattern.test(id))
    throw new AndesError('invalid_request', `"${id}" is not a report id.`);
  try {
    return await readFile(path.join(directory, `${id}.${format}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AndesError('not_found', `No evaluation report ${id}.`);
    throw new AndesError('storage_error', `Cannot read evaluation report ${id}.`, { cause: error });
  }
}

async function readSummary(directory: string, id: string): Promise<EvalReportSummary | undefined> {
  const parsed = reportSchema.safeParse(await readJson(path.join(directory, `${id}.json`)));
  if (!parsed.success) return undefined;
  const { retrieval, gates, createdAt, answers } = parsed.data;
  return {
    id,
    createdAt,
    dataset: retrieval.dataset.name,
    questionCount: retrieval.dataset.questionCount,
    k: retrieval.k,
    baseline: retrieval.baseline,
    configurations: retrieval.configurations.map(({ name, rank, summary }) => ({ name, rank, ...summary })),
    gatesPassed: gates.length === 0 ? null : gates.every((gate) => gate.passed),
    modelJudged: answers?.modelJudged !== undefined,
  };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}
