import type { ComparisonResult } from '../../comparison/comparison-result.js';
import type { EvaluationReport } from '../evaluation-report.js';
import { escapeHtml, formatMilliseconds, formatScore } from './escape-html.js';

/** The configurations table, best first, plus the skipped ones with their reasons. */
export function summaryTable(retrieval: ComparisonResult): string {
  const { k } = retrieval;
  const header = ['#', 'configuration', `hit@${k}`, `recall@${k}`, 'MRR@10', 'nDCG@10', 'p50', 'p95', 'errors'];
  const rows = retrieval.configurations.map((configuration) => {
    const { summary, latency } = configuration;
    const name = `${escapeHtml(configuration.name)}${configuration.name === retrieval.baseline ? ' <span class="muted">(baseline)</span>' : ''}`;
    const description = configuration.description
      ? `<br><span class="muted small">${escapeHtml(configuration.description)}</span>`
      : '';
    const numbers = [summary.hitAtK, summary.recallAtK, summary.mrrAt10, summary.ndcgAt10].map(
      (value) => `<td class="number">${formatScore(value)}</td>`,
    );
    return (
      `<tr><td class="number">${configuration.rank}</td><td>${name}${description}</td>${numbers.join('')}` +
      `<td class="number">${formatMilliseconds(latency.p50Ms)}</td><td class="number">${formatMilliseconds(latency.p95Ms)}</td>` +
      `<td class="number">${summary.errors}</td></tr>`
    );
  });
  const skipped = retrieval.skipped.map(
    (configuration) =>
      `<li><strong>${escapeHtml(configuration.name)}</strong>: skipped, ${escapeHtml(configuration.skipped)}</li>`,
  );
  return (
    `<table><thead><tr>${header.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    (skipped.length > 0 ? `<ul>${skipped.join('')}</ul>` : '')
  );
}

/** The `--fail-under` gates and whether each passed. */
export function gatesList(report: EvaluationReport): string {
  if (report.gates.length === 0) return '<p class="muted">No quality gates were set.</p>';
  const items = report.gates.map((gate) => {
    const verdict = gate.passed ? '<span class="passed">passed</span>' : '<span class="failed">FAILED</span>';
    return `<li>${escapeHtml(gate.metric)} ≥ ${gate.minimum} on ${escapeHtml(gate.configuration)}: ${formatScore(gate.actual)} — ${verdict}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

/** One row per question: its relevant sources and the rank of the first relevant document in each configuration. */
export function questionsTable(report: EvaluationReport): string {
  const { configurations } = report.retrieval;
  const header = ['id', 'question', 'relevant', ...configurations.map((configuration) => configuration.name)];
  const rows = report.questions.map((question, index) => {
    const cells = configurations.map((configuration) => {
      const result = configuration.questions[index];
      const rank = result?.firstRelevantRank ?? null;
      const top = (result?.documents ?? [])
        .slice(0, 3)
        .map((source) => source.split('/').at(-1) ?? source)
        .join(', ');
      const title = result?.error ? `error: ${result.error}` : `top documents: ${top}`;
      return `<td class="number ${rankClass(rank)}" title="${escapeHtml(title)}">${rank === null ? 'miss' : rank}</td>`;
    });
    const relevant = question.relevant.map(escapeHtml).join('<br>');
    return `<tr><td>${escapeHtml(question.id)}</td><td>${escapeHtml(question.question)}</td><td class="small">${relevant}</td>${cells.join('')}</tr>`;
  });
  return (
    '<p class="muted small">Rank of the first relevant document (distinct documents; hover for the top three).</p>' +
    `<table><thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function rankClass(rank: number | null): string {
  if (rank === null || rank > 10) return 'rank-miss';
  if (rank === 1) return 'rank-1';
  return rank <= 3 ? 'rank-top3' : 'rank-top10';
}
