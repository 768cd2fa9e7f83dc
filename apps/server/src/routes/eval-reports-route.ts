import { Router } from 'express';
import { AndesError } from '@andes-rag/core';
import type { AndesConfig } from '@andes-rag/runtime';
import { evalReportsDirectory, listEvalReports, readEvalReport } from './eval-reports-directory.js';
import { redactReportJson, reportPathRedactor } from './redact-report-paths.js';

/** Dependencies of {@link createEvalReportsRoutes}. */
export interface EvalReportsRouteDependencies {
  /** Reports are read from `<config.dataDir>/eval-reports`, where `andes eval` writes them by default. */
  config: AndesConfig;
}

// The report is one self-contained page with inline CSS and SVG and no script: allow exactly that.
const reportPagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * `GET /api/eval/reports` → `{reports}` (summaries, newest first, each with links);
 * `GET /api/eval/reports/:id` → the JSON report as written; `GET /api/eval/reports/:id.html` → its HTML page.
 * Ids must match the report id pattern (400 `invalid_request` otherwise; 404 `not_found` when absent). No answer
 * carries a server path: the data directory and absolute paths in a report's `context` are taken out first
 * (`redact-report-paths.ts`).
 */
export function createEvalReportsRoutes({ config }: EvalReportsRouteDependencies): Router {
  const directory = evalReportsDirectory(config.dataDir);
  const router = Router();
  router.get('/api/eval/reports', async (_request, response) => {
    const reports = await listEvalReports(directory);
    response.json({
      reports: reports.map((report) => ({
        ...report,
        links: { json: `/api/eval/reports/${report.id}`, html: `/api/eval/reports/${report.id}.html` },
      })),
    });
  });
  router.get('/api/eval/reports/:name', async (request, response) => {
    const name = request.params.name;
    const html = name.endsWith('.html');
    const id = html ? name.slice(0, -'.html'.length) : name;
    const report = parseJson(await readEvalReport(directory, id, 'json'));
    if (html) {
      const page = (await readEvalReport(directory, id, 'html')).toString('utf8');
      const redacted = reportPathRedactor(config.dataDir, report)(page);
      response.set('Content-Security-Policy', reportPagePolicy).type('text/html; charset=utf-8').send(redacted);
    } else {
      response.json(redactReportJson(config.dataDir, report));
    }
  });
  return router;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AndesError('storage_error', 'An evaluation report is not valid JSON.');
  }
}
