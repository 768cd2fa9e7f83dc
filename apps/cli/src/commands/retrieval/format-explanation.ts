import type { Hit } from '@andes-rag/core';
import type { ExplainedSearch, RetrievalTrace } from '@andes-rag/runtime';

type RetrievalStage = RetrievalTrace['stages'][number];

const stageLabels: Record<RetrievalStage['name'], string> = {
  lexical: 'BM25',
  dense: 'dense',
  fusion: 'fusion (RRF)',
  document: 'document-aware',
  rerank: 'rerank',
};

/**
 * `andes search --explain` for people: what each stage did, the threshold's verdict, then one small table per hit
 * with its rank and score in every stage (`—` where the stage ran but did not return it) and its relevance.
 */
export function formatExplanation({ hits, trace }: ExplainedSearch): string[] {
  const lines = [`Query: ${trace.query}`];
  if (trace.rewrite?.condensed) lines.push(`Rewritten from the conversation: ${trace.rewrite.query}`);
  for (const alternative of trace.rewrite?.alternatives ?? [])
    lines.push(`Also searched (multi-query): ${alternative}`);
  if (trace.rewrite?.hypotheticalDocument)
    lines.push(`Also searched (HyDE passage): ${clip(trace.rewrite.hypotheticalDocument, 160)}`);
  lines.push(`k = ${trace.k}, ${trace.candidates} candidates per retriever`, '', 'Stages:');
  for (const stage of trace.stages) lines.push(`  ${describeStage(stage, trace.rrfK, trace.rerankCandidates)}`);
  if (!trace.stages.some((stage) => stage.name === 'rerank')) lines.push('  rerank: off (no reranker configured)');
  const { threshold } = trace;
  const signal = threshold.signal === 'rerank' ? 'reranker score' : "share of the question's words in one passage";
  lines.push(
    `  threshold: ${signal} ≥ ${threshold.minimum} → ${threshold.covered ? 'covered' : 'NOT covered'} (best ${threshold.best.toFixed(2)})`,
    '',
  );
  if (hits.length === 0) return [...lines, 'No matching passages.'];
  const ran = trace.stages
    .filter((stage) => stage.skipped === undefined && stage.query === undefined)
    .map((stage) => stage.name);
  trace.hits.forEach((explained, index) => {
    const hit = hits[index] as Hit;
    const heading = hit.headingPath.length > 0 ? ` > ${hit.headingPath.join(' > ')}` : '';
    lines.push(`${explained.rank}. ${hit.source}${heading}  (score ${hit.score.toFixed(4)})`);
    const rows = ran.map((name) => {
      const entry = explained.stages[name];
      return [stageLabels[name], entry ? `#${entry.rank}` : '—', entry ? entry.score.toFixed(4) : 'not in its results'];
    });
    const relevance = explained.relevance;
    rows.push(['relevance', relevance.cleared ? 'cleared' : 'below', relevance.value.toFixed(2)]);
    lines.push(...table([['stage', 'rank', 'score'], ...rows]).map((row) => `   ${row}`));
    lines.push(`   ${clip(hit.text.replace(/\s+/g, ' '), 200)}`, '');
  });
  return lines;
}

function describeStage(stage: RetrievalStage, rrfK: number | undefined, rerankCandidates: number | undefined): string {
  const label = stageLabels[stage.name];
  if (stage.skipped !== undefined) return `${label}: skipped (${stage.skipped})`;
  const searched = stage.query === undefined ? '' : ` for "${clip(stage.query, 60)}"`;
  const detail =
    stage.name === 'fusion' ? `, k = ${rrfK}` : stage.name === 'rerank' ? `, top ${rerankCandidates} reread` : '';
  return `${label}${searched}: ${stage.candidates.length} results${detail}, ${stage.durationMs.toFixed(1)} ms`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_cell, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
