import type { CliResult } from './run-cli.js';

/** How a scenario ended, worst first. */
export type CorruptionOutcome =
  'crash' | 'silent wrong answer' | 'detected and repaired' | 'clear refusal' | 'unaffected (correct answer)';

/** Every outcome, in the order the summary table lists them. */
export const corruptionOutcomes: readonly CorruptionOutcome[] = [
  'detected and repaired',
  'clear refusal',
  'unaffected (correct answer)',
  'crash',
  'silent wrong answer',
];

/** True when a CLI process died of a signal or a native abort instead of exiting with 0, 1 or 2. */
export function crashed(result: CliResult): boolean {
  return ![0, 1, 2].includes(result.exitCode) || /unexpected error|Segmentation fault|core dumped/i.test(result.stderr);
}

/** The AndesError code a failed CLI command printed (`andes: … [code]`), if any. */
export function refusalCode(result: CliResult): string | undefined {
  return /\[(store_corrupt|store_foreign)\]\s*$/m.exec(result.stderr)?.[1];
}

/** One row of the summary. */
export interface ScenarioRow {
  scenario: string;
  probe: string;
  doctor: string;
  outcome: CorruptionOutcome;
}

/** The per-scenario table and the count of each outcome, as printed at the end of the suite. */
export function formatCorruptionTable(rows: readonly ScenarioRow[]): string {
  const widths = [28, 34, 44];
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ');
  const lines = [line(['scenario', 'andes search (read-only)', 'andes doctor --repair']) + ' | outcome'];
  for (const row of rows) lines.push(`${line([row.scenario, row.probe, row.doctor])} | ${row.outcome}`);
  lines.push('');
  for (const outcome of corruptionOutcomes) {
    lines.push(`${outcome}: ${rows.filter((row) => row.outcome === outcome).length}`);
  }
  return lines.join('\n');
}
