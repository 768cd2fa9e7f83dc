import { lexicalQueryTerms } from '@andes-rag/text-analysis';
import { lexemes, quoteLexeme } from './lexemes.js';

/**
 * Turns a question into a `tsquery` literal that can never be a syntax error: the terms of `lexicalQueryTerms` (the
 * analyser the embedded store's FTS5 queries use), each a quoted lexeme, or a phrase (`<->`) when the term has
 * several tokens (`node.js`, `SHA-256`), OR-joined. Undefined when nothing is left to search for.
 */
export function searchQueryLiteral(question: string): string | undefined {
  const terms = new Set<string>();
  for (const term of lexicalQueryTerms(question)) {
    const tokens = lexemes(term);
    if (tokens.length === 0) continue;
    const phrase = tokens.map(quoteLexeme).join(' <-> ');
    terms.add(tokens.length > 1 ? `(${phrase})` : phrase);
  }
  return terms.size === 0 ? undefined : [...terms].join(' | ');
}
