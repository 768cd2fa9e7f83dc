import type { ConfigurationResult } from '../../comparison/comparison-result.js';
import { escapeHtml } from './escape-html.js';
import { configurationColour } from './palette.js';

const width = 640;
const height = 320;
const margin = { top: 16, right: 16, bottom: 40, left: 48 };

/** An inline SVG line chart of mean recall@1 … recall@depth, one line per configuration, with a legend. */
export function recallChart(configurations: readonly ConfigurationResult[], depth: number): string {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (cutoff: number) => margin.left + (depth <= 1 ? 0 : ((cutoff - 1) / (depth - 1)) * plotWidth);
  const y = (value: number) => margin.top + (1 - value) * plotHeight;
  const parts: string[] = [];
  for (const value of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(value)}" y2="${y(value)}" class="grid"/>`,
    );
    parts.push(`<text x="${margin.left - 6}" y="${y(value) + 4}" text-anchor="end">${value.toFixed(2)}</text>`);
  }
  const step = depth <= 20 ? 1 : 5;
  for (let cutoff = 1; cutoff <= depth; cutoff += 1) {
    if (cutoff !== 1 && cutoff % step !== 0) continue;
    parts.push(`<text x="${x(cutoff)}" y="${height - margin.bottom + 16}" text-anchor="middle">${cutoff}</text>`);
  }
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 6}" text-anchor="middle">k (documents)</text>`);
  // Drawn worst first, so the best configuration's line lies on top; every other line is dashed, so lines that
  // coincide (two configurations ranking alike) both stay visible.
  [...configurations.entries()].reverse().forEach(([index, configuration]) => {
    const colour = configurationColour(index);
    const points = configuration.summary.recallCurve
      .map((value, position) => `${x(position + 1)},${y(value)}`)
      .join(' ');
    const dash = index % 2 === 1 ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"${dash}><title>${escapeHtml(configuration.name)}</title></polyline>`,
    );
    configuration.summary.recallCurve.forEach((value, position) => {
      const label = `${configuration.name}: recall@${position + 1} = ${value.toFixed(3)}`;
      parts.push(
        `<circle cx="${x(position + 1)}" cy="${y(value)}" r="3" fill="${colour}"><title>${escapeHtml(label)}</title></circle>`,
      );
    });
  });
  const legend = configurations
    .map(
      (configuration, index) =>
        `<span class="key"><span class="swatch" style="background:${configurationColour(index)}"></span>${escapeHtml(configuration.name)}</span>`,
    )
    .join(' ');
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Recall at k per configuration">` +
    `${parts.join('')}</svg><p class="legend">${legend}</p>`
  );
}
