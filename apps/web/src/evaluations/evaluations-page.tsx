import { useEffect, useState } from 'react';
import { apiFetch, getJson } from '../api/api-client.js';
import { describeError } from '../api/api-error.js';
import type { EvalReportSummary } from '../api/api-types.js';

const figures = (report: EvalReportSummary): Array<[string, number]> =>
  Object.entries(report).filter((entry): entry is [string, number] => typeof entry[1] === 'number');

/** Evaluation reports (`andes eval`), newest first: their figures, and each report's page with its charts. */
export function EvaluationsPage() {
  const [reports, setReports] = useState<EvalReportSummary[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    getJson<{ reports: EvalReportSummary[] }>('/api/eval/reports').then(
      (result) => setReports(result.reports),
      (error: unknown) => setProblem(describeError(error)),
    );
  }, []);
  /** The report page needs the key, which a plain link cannot send: fetched, then opened from memory. */
  const open = async (report: EvalReportSummary) => {
    try {
      const html = await (await apiFetch(report.links.html)).blob();
      window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank', 'noopener');
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  return (
    <main className="page evaluations-page">
      <h1>Evaluations</h1>
      <p className="hint">
        Reports written by <code>andes eval</code> on this server's data folder.
      </p>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {reports?.length === 0 ? <p className="hint">No reports yet.</p> : null}
      <ul className="reports">
        {reports?.map((report) => (
          <li key={report.id} className="panel">
            <h2>{report.id}</h2>
            <dl className="figures">
              {figures(report).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{Number.isInteger(value) ? value : value.toFixed(3)}</dd>
                </div>
              ))}
            </dl>
            <button type="button" className="secondary" onClick={() => void open(report)}>
              Open report {report.id}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
