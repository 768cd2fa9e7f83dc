import { describe, expect, it } from 'vitest';
import { buildLexicalQuery, lexicalQueryTerms } from './lexical-query.js';

describe('lexicalQueryTerms', () => {
  it('keeps identifiers whole, so FTS5 reads each as a phrase of its parts', () => {
    expect(lexicalQueryTerms('How does os.path.join treat __init__ and snake_case in node.js?')).toEqual([
      'os.path.join',
      'treat',
      '__init__',
      'snake_case',
      'node.js',
    ]);
  });

  it('gives a hyphenated word as written and joined, so SHA-256 finds sha256 and SHA 256', () => {
    expect(lexicalQueryTerms('Is SHA-256 required?')).toEqual(['SHA-256', 'SHA256', 'required']);
  });

  it('strips possessives, and drops contractions of stopwords', () => {
    expect(lexicalQueryTerms("Where is the user's home? What's it for? users\u2019 keys")).toEqual([
      'user',
      'home',
      'users',
      'keys',
    ]);
  });

  it('turns a dotted number into one joined token', () => {
    expect(lexicalQueryTerms('What changed in v3.2.1 and 3.12?')).toEqual(['changed', '3dot2dot1', '3dot12']);
  });

  it('keeps the words that carry meaning in questions', () => {
    expect(lexicalQueryTerms('How do I back up the most recent files once a day?')).toEqual([
      'back',
      'up',
      'most',
      'recent',
      'files',
      'once',
      'day',
    ]);
    expect(lexicalQueryTerms('the same')).toEqual(['same']);
  });

  it('splits Latin words from CJK text and gives CJK runs as character pairs and characters, without function words', () => {
    expect(lexicalQueryTerms('采用SwiGLU激活')).toEqual(['采', '采用', '用', 'SwiGLU', '激', '激活', '活']);
    expect(lexicalQueryTerms('注意力是什么？')).toEqual(['注', '注意', '意', '意力', '力', '力是']);
    expect(lexicalQueryTerms('ＳｗｉＧＬＵ')).toEqual(['SwiGLU']);
  });
});

describe('buildLexicalQuery', () => {
  it('quotes each term and OR-joins them, CJK terms included', () => {
    expect(buildLexicalQuery('激活函数 SwiGLU')).toBe(
      '"激" OR "激活" OR "活" OR "活函" OR "函" OR "函数" OR "数" OR "SwiGLU"',
    );
    expect(buildLexicalQuery('是什么？ what is')).toBeUndefined();
  });
});

describe('acronyms', () => {
  it('keeps a stopword written in capitals as an acronym, in queries and content terms', async () => {
    const { contentTerms } = await import('./content-terms.js');
    expect(lexicalQueryTerms('Did the US tell us? Ask WHO AND IT')).toEqual(['US', 'tell', 'Ask', 'WHO', 'IT']);
    expect([...contentTerms('Did the US tell us?')]).toEqual(['us', 'tell']);
    expect([...contentTerms('Tell us.')]).toEqual(['tell']);
  });
});
