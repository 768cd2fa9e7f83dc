import type { ComparisonResult } from '../../comparison/comparison-result.js';
import { formatPValue } from '../format-p-value.js';

/**
 * The comparison as a plain-text table for terminals, best first, then one line per skipped configuration:
 * rank, name, hit@k, recall@k, MRR@10, nDCG@10, p50 and p95 latency, then against the baseline: questions won,
 * lost and tied (by reciprocal rank) and the two-sided sign test's p-value.
 */
export function formatComparisonTable(retrieval: ComparisonResult): string {
  const { k } = retrieval;
  const header = [
    '#',
    'configuration',
    `hit@${k}`,
    `recall@${k}`,
    'MRR@10',
    'nDCG@10',
    'p50 ms',
    'p95 ms',
    'W/L/T',
    'sign p',
  ];
  const rows = retrieval.configurations.map((configuration) => {
    const { summary, latency } = configuration;
    return [
      String(configuration.rank),
      configuration.name + (configuration.name === retrieval.baseline ? ' *' : ''),
      ...[summary.hitAtK, summary.recallAtK, summary.mrrAt10, summary.ndcgAt10].map((value) => value.toFixed(3)),
      latency.p50Ms.toFixed(1),
      latency.p95Ms.toFixed(1),
      ...(configuration.versusBaseline
        ? [
            `${configuration.versusBaseline.wins}/${configuration.versusBaseline.losses}/${configuration.versusBaseline.ties}`,
            formatPValue(configuration.versusBaseline.signTestP),
          ]
        : ['—', '—']),
    ];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  const lines = [format(header), ...rows.map(format)];
  for (const configuration of retrieval.skipped)
    lines.push(`-  ${configuration.name}: skipped (${configuration.skipped})`);
  lines.push(
    `* baseline · ${retrieval.dataset.questionCount} questions · metrics over distinct documents · ` +
      'W/L/T: questions won/lost/tied against the baseline; sign p: two-sided sign test',
  );
  return lines.join('\n');
}
