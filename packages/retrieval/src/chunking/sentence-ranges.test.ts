import { describe, expect, it } from 'vitest';
import { sentenceRanges } from './sentence-ranges.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const bySegmenter = (text: string) => Array.from(segmenter.segment(text), (segment) => segment.segment);
const byScan = (text: string) => sentenceRanges(text, 0, text.length).map(([start, end]) => text.slice(start, end));

describe('sentenceRanges', () => {
  it.each([
    'Mr. Smith went home. He said hi.',
    'The U.S.A. is big. e.g. this one stays whole.',
    'He said "Stop." Then he left.',
    'Pi is 3.14 here. Next one!Yes? ok then.',
    'A sentence ends. 42 is a number, not a start.',
    'Is it? (yes) OK. Hello.  (Parens) next',
    'Item:\n- one\n- two\r\nthree',
    'Wait... what?! Really; yes: fine.',
    '最初の文です。二番目！三番目？終わり',
    '这是第一句。这是第二句！第三句？',
  ])('cuts %j where Intl.Segmenter does', (text) => {
    expect(byScan(text)).toEqual(bySegmenter(text));
  });

  it('keeps CJK full stops as sentence ends inside Latin text, and offsets point into the whole text', () => {
    const text = 'Intro. 東京は大きい。大阪も大きい！ End.';
    const ranges = sentenceRanges(text, 7, text.length);
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['東京は大きい。', '大阪も大きい！ ', 'End.']);
  });

  it('hands other scripts to Intl.Segmenter', () => {
    const text = 'हिन्दी वाक्य है। दूसरा वाक्य। Next.';
    expect(byScan(text)).toEqual(bySegmenter(text));
  });

  it('cuts a 2 MB paragraph of deeply indented list items at every line, in one pass', () => {
    const lines = Array.from({ length: 1500 }, (_, level) => `${'  '.repeat(level)}- item ${level}`);
    const text = lines.join('\n');
    // Intl.Segmenter needs seconds for this one paragraph (minutes at 9 MB); the scan is linear.
    expect(byScan(text).map((sentence) => sentence.trim())).toEqual(lines.map((line) => line.trim()));
  });
});
