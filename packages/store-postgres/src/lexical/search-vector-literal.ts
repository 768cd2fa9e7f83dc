import { analyzeForIndex } from '@andes-rag/text-analysis';
import { lexemes, quoteLexeme } from './lexemes.js';

/** Highest position a `tsvector` records, and most positions kept per lexeme (PostgreSQL's limits). */
const lastPosition = 16383;
const positionsPerLexeme = 255;

/**
 * The `tsvector` literal indexed for one chunk: the document title, the heading path and the chunk text, analysed by
 * `analyzeForIndex` (the embedded store's FTS5 body, see `packages/vectorstore/src/lexical/fts-table.ts`), as
 * lexemes with their positions, so `ts_rank_cd` can weigh how close the query's terms are.
 */
export function searchVectorLiteral(title: string, headingPath: readonly string[], text: string): string {
  const body = analyzeForIndex([title, headingPath.join(' / '), text].filter((part) => part.length > 0).join('\n'));
  const positions = new Map<string, number[]>();
  for (const [index, lexeme] of lexemes(body).entries()) {
    const list = positions.get(lexeme) ?? [];
    if (list.length < positionsPerLexeme) list.push(Math.min(index + 1, lastPosition));
    positions.set(lexeme, list);
  }
  return [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${[...new Set(list)].join(',')}`).join(' ');
}
