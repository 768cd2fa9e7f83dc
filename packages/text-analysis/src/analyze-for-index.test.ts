import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from './analyze-for-index.js';

describe('analyzeForIndex', () => {
  it('separates Latin words from CJK characters and indexes CJK runs as characters and character pairs', () => {
    expect(analyzeForIndex('采用SwiGLU激活').split(/\s+/).filter(Boolean)).toEqual([
      '采',
      '采用',
      '用',
      'SwiGLU',
      '激',
      '激活',
      '活',
    ]);
    expect(analyzeForIndex('日本語の本').split(/\s+/).filter(Boolean)).toEqual([
      '日',
      '日本',
      '本',
      '本語',
      '語',
      '語の',
      'の',
      'の本',
      '本',
    ]);
  });

  it('leaves other text as written, adding one joined token after each dotted number', () => {
    expect(analyzeForIndex('Naïve café, os.path.join')).toBe('Naïve café, os.path.join');
    expect(analyzeForIndex('Upgrade to v3.2.1 from 10.3.2.1.')).toBe(
      'Upgrade to v3.2.1 3dot2dot1 from 10.3.2.1 10dot3dot2dot1.',
    );
  });

  it('normalizes full-width letters and digits', () => {
    expect(analyzeForIndex('ＳｗｉＧＬＵ２０２４')).toBe('SwiGLU2024');
  });
});
