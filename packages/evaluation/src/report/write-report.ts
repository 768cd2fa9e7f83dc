import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import type { EvaluationReport } from './evaluation-report.js';
import { renderHtmlReport } from './html/render-html-report.js';

/** Where {@link writeEvaluationReport} put a report. */
export interface WrittenReport {
  /** The report's id, possibly with a `-N` suffix added to avoid an existing one. */
  id: string;
  jsonPath: string;
  htmlPath: string;
}

/**
 * Writes `<directory>/<id>.json` and `<directory>/<id>.html`, creating the directory. Never overwrites: when the id
 * is taken (same second, same name) it appends `-2`, `-3`, … and updates `report.id`.
 *
 * @throws AndesError `storage_error` when the files cannot be written.
 */
export async function writeEvaluationReport(report: EvaluationReport, directory: string): Promise<WrittenReport> {
  try {
    await mkdir(directory, { recursive: true });
    const baseId = report.id;
    for (let attempt = 1; ; attempt += 1) {
      const id = attempt === 1 ? baseId : `${baseId}-${attempt}`;
      const jsonPath = path.join(directory, `${id}.json`);
      const htmlPath = path.join(directory, `${id}.html`);
      const written = { ...report, id };
      try {
        await writeFile(jsonPath, `${JSON.stringify(written, null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 1000) continue;
        throw error;
      }
      await writeFile(htmlPath, renderHtmlReport(written));
      report.id = id;
      return { id, jsonPath, htmlPath };
    }
  } catch (error) {
    throw new AndesError('storage_error', `Cannot write the evaluation report to ${directory}: ${String(error)}`, {
      cause: error,
    });
  }
}
