import type { AnswerEvaluation } from '../../answers/answer-evaluation.js';
import { escapeHtml, formatMilliseconds, formatScore } from './escape-html.js';

/** Answer-level metrics: lexical citation precision, and the model-judged grades under a visible label. */
export function answersSection(answers: AnswerEvaluation): string {
  const { citationPrecision, modelJudged } = answers;
  const badge = '<span class="badge">model-judged</span>';
  const lines = [
    `<li>Citation precision (lexical overlap ≥ ${citationPrecision.threshold}): <strong>${formatScore(citationPrecision.value)}</strong> ` +
      `(${citationPrecision.supported} of ${citationPrecision.citations} cited sentence–source pairs supported)</li>`,
    `<li>Sentences citing a source: ${formatScore(answers.citedSentenceShare)}</li>`,
    `<li>Answer latency: p50 ${formatMilliseconds(answers.latency.p50Ms)}, p95 ${formatMilliseconds(answers.latency.p95Ms)}</li>`,
  ];
  if (modelJudged) {
    lines.push(
      `<li>${badge} Faithfulness: <strong>${formatScore(modelJudged.faithfulness)}</strong>, answer relevance: ` +
        `<strong>${formatScore(modelJudged.answerRelevance)}</strong> — graded by ${escapeHtml(modelJudged.judge)} ` +
        `(${modelJudged.graded} grades, ${modelJudged.ungraded} outputs without a grade). These are the judge model's opinion, not measurements.</li>`,
    );
  }
  const rows = answers.questions.map((result) => {
    const judged = result.judged
      ? `<td class="number">${formatScore(result.judged.faithfulness)}</td><td class="number">${formatScore(result.judged.answerRelevance)}</td>`
      : '<td></td><td></td>';
    const text = result.error ? `error: ${result.error}` : result.answer.slice(0, 600);
    return (
      `<tr><td>${escapeHtml(result.id)}</td><td class="small">${escapeHtml(text)}</td>` +
      `<td class="number">${formatScore(result.citationCheck.precision)}</td>${judged}</tr>`
    );
  });
  const judgedHeaders = `<th>faithfulness ${badge}</th><th>relevance ${badge}</th>`;
  return (
    `<ul>${lines.join('')}</ul><table><thead><tr><th>id</th><th>answer</th><th>citation precision</th>${judgedHeaders}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
