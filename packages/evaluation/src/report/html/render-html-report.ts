import type { EvaluationReport } from '../evaluation-report.js';
import { answersSection } from './answers-section.js';
import { escapeHtml } from './escape-html.js';
import { recallChart } from './recall-chart.js';
import { reportStyles } from './report-styles.js';
import { gatesList, questionsTable, summaryTable } from './retrieval-sections.js';
import { winsLossesChart } from './wins-losses-chart.js';

/**
 * The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no external assets. Every
 * piece of text from the dataset or the documents is escaped.
 */
export function renderHtmlReport(report: EvaluationReport): string {
  const { retrieval } = report;
  const title = `Andes evaluation: ${retrieval.dataset.name}`;
  const questionText = new Map(report.questions.map((question) => [question.id, question.question]));
  const context = Object.entries(report.context)
    .map(([key, value]) => `<li>${escapeHtml(key)}: ${escapeHtml(value)}</li>`)
    .join('');
  const comparisons = retrieval.configurations
    .flatMap(({ name, versusBaseline }) =>
      versusBaseline ? [winsLossesChart(name, versusBaseline, questionText)] : [],
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${reportStyles}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(report.createdAt)} · ${retrieval.dataset.questionCount} questions · report ${escapeHtml(report.id)}</p>
<ul>${context}</ul>
<h2>Retrieval, best first</h2>
<p class="muted small">Metrics over distinct documents; MRR and nDCG at 10 documents, hit and recall at ${retrieval.k}.</p>
${summaryTable(retrieval)}
<h2>Quality gates</h2>
${gatesList(report)}
<h2>Recall@k per configuration</h2>
${recallChart(retrieval.configurations, retrieval.depth)}
<h2>Per-question wins and losses against ${escapeHtml(retrieval.baseline)}</h2>
${comparisons === '' ? '<p class="muted">Only one configuration ran.</p>' : comparisons}
${report.answers ? `<h2>Answers</h2>${answersSection(report.answers)}` : ''}
<h2>Questions</h2>
${questionsTable(report)}
</body></html>
`;
}
