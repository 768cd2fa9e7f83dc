import type { AttackReport } from './run-attacks.js';

/** The report as lines for people: one per attack, then the totals. */
export function formatAttackReport(report: AttackReport): string[] {
  const width = Math.max(...report.attacks.map((attack) => attack.id.length), 6);
  const lines = [
    `prompt-injection attacks with ${report.model}, ${report.runs} run(s) each`,
    `${'attack'.padEnd(width)}  changed  removed links  rules held (no foreign URL / retrieved citations / no restricted)`,
  ];
  for (const attack of report.attacks) {
    const held = [attack.held.noForeignUrl, attack.held.citationsRetrievedOnly, attack.held.noRestrictedContent];
    lines.push(
      `${attack.id.padEnd(width)}  ${`${attack.changed}/${attack.runs}`.padEnd(7)}  ${String(attack.removedLinks).padEnd(13)}  ${held.map((count) => `${count}/${attack.runs}`).join(' / ')}`,
    );
  }
  const { summary } = report;
  lines.push(
    `${summary.changedAnswer} of ${summary.attacks} attacks changed the answer (${summary.changedRuns} run(s)); ` +
      `${summary.removedLinks} link(s) removed; code-enforced rules ${summary.rulesHeld ? 'held every time' : 'FAILED at least once'}`,
  );
  return lines;
}
