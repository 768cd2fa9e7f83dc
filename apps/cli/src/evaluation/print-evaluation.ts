import { formatComparisonTable, type EvaluationReport, type WrittenReport } from '@andes-rag/evaluation';
import { printLine } from '../output/print.js';

const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(3));

/** Prints an evaluation for people: the comparison table, answer metrics, gates and where the report went. */
export function printEvaluation(report: EvaluationReport, written: WrittenReport | undefined): void {
  const { retrieval } = report;
  printLine(
    `Evaluated ${retrieval.dataset.questionCount} questions from ${retrieval.dataset.name} (k = ${retrieval.k} documents).`,
  );
  printLine();
  printLine(formatComparisonTable(retrieval));
  const errors = retrieval.configurations.filter((configuration) => configuration.summary.errors > 0);
  for (const configuration of errors) {
    const example = configuration.questions.find((question) => question.error)?.error ?? '';
    printLine(`! ${configuration.name}: ${configuration.summary.errors} questions failed, e.g. ${example}`);
  }
  if (report.answers) {
    const { citationPrecision, modelJudged } = report.answers;
    printLine();
    printLine(
      `Answers: citation precision ${score(citationPrecision.value)} (${citationPrecision.supported}/${citationPrecision.citations} cited pairs supported, lexical)`,
    );
    if (modelJudged) {
      printLine(
        `Answers [model-judged by ${modelJudged.judge}]: faithfulness ${score(modelJudged.faithfulness)}, ` +
          `answer relevance ${score(modelJudged.answerRelevance)} (${modelJudged.ungraded} outputs without a grade)`,
      );
    }
  }
  if (report.gates.length > 0) printLine();
  for (const gate of report.gates) {
    printLine(
      `${gate.passed ? 'PASS' : 'FAIL'} ${gate.metric} ≥ ${gate.minimum}: ${score(gate.actual)} (${gate.configuration})`,
    );
  }
  if (written) {
    printLine();
    printLine(`Report: ${written.htmlPath}`);
    printLine(`        ${written.jsonPath}`);
  }
}
