import { describe, expect, it } from 'vitest';
import { lexemes } from './lexemes.js';
import { searchQueryLiteral } from './search-query-literal.js';
import { searchVectorLiteral } from './search-vector-literal.js';

describe('full-text literals', () => {
  it('folds case and Latin accents but keeps CJK characters and Japanese voiced marks', () => {
    expect(lexemes('Résumé NAÏVE café')).toEqual(['resume', 'naive', 'cafe']);
    expect(lexemes('采 采用 SwiGLU が')).toEqual(['采', '采用', 'swiglu', 'が']);
  });

  it('indexes title, heading path and text with positions, analysed like the embedded store', () => {
    expect(searchVectorLiteral('Guide', ['Start'], "it's 采用SwiGLU")).toBe(
      "'guide':1 'start':2 'it':3 's':4 '采':5 '采用':6 '用':7 'swiglu':8",
    );
  });

  it('quotes every term, makes phrases of multi-token terms, and gives nothing for stopwords', () => {
    expect(searchQueryLiteral("O'Brien's node.js")).toBe("('o' <-> 'brien') | ('node' <-> 'js')");
    expect(searchQueryLiteral('what is the')).toBeUndefined();
    expect(searchQueryLiteral("back\\slash ' quote")).toBe("('back' <-> 'slash') | 'quote'");
  });
});
