import { Router } from 'express';
import type { AndesConfig } from '@andes-rag/runtime';
import { evalReportsDirectory, listEvalReports, readEvalReport } from './eval-reports-directory.js';

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
 * Ids must match the report id pattern (400 `invalid_request` otherwise; 404 `not_found` when absent).
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
    const bytes = await readEvalReport(directory, id, html ? 'html' : 'json');
    if (html) {
      response.set('Content-Security-Policy', reportPagePolicy).type('text/html; charset=utf-8').send(bytes);
    } else {
      response.type('application/json; charset=utf-8').send(bytes);
    }
  });
  return router;
}
