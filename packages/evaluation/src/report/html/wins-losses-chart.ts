import type { WinsAndLosses } from '../../comparison/comparison-result.js';
import { formatPValue } from '../format-p-value.js';
import { escapeHtml } from './escape-html.js';

const width = 640;
const height = 140;
const middle = height / 2;

/**
 * An inline SVG bar chart of one configuration against the baseline: one bar per question, its reciprocal rank
 * minus the baseline's (up: better, down: worse), sorted from the largest win to the largest loss.
 */
export function winsLossesChart(
  name: string,
  comparison: WinsAndLosses,
  questionText: ReadonlyMap<string, string>,
): string {
  const deltas = [...comparison.deltas].sort((left, right) => right.delta - left.delta);
  const barWidth = deltas.length === 0 ? 0 : width / deltas.length;
  const bars = deltas
    .map(({ id, delta }, index) => {
      const barHeight = Math.abs(delta) * (middle - 4);
      const top = delta >= 0 ? middle - barHeight : middle;
      const kind = delta > 0 ? 'win' : delta < 0 ? 'loss' : 'tie';
      const label = `${id}: ${questionText.get(id) ?? ''} (${delta >= 0 ? '+' : ''}${delta.toFixed(3)})`;
      return `<rect x="${index * barWidth}" y="${top}" width="${Math.max(barWidth - 1, 1)}" height="${Math.max(barHeight, 1)}" class="${kind}"><title>${escapeHtml(label)}</title></rect>`;
    })
    .join('');
  const summary =
    `${comparison.wins} wins, ${comparison.losses} losses, ${comparison.ties} ties against ${comparison.baseline}` +
    ` (two-sided sign test p = ${formatPValue(comparison.signTestP)})`;
  return (
    `<figure><figcaption><strong>${escapeHtml(name)}</strong>: ${escapeHtml(summary)} (reciprocal rank per question)</figcaption>` +
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(summary)}">` +
    `<line x1="0" x2="${width}" y1="${middle}" y2="${middle}" class="axis"/>${bars}</svg></figure>`
  );
}
