import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.js';
import { countWords } from './count-words.js';

describe('chunking Chinese text, which has no spaces', () => {
  const sentence = '大语言模型在本地运行时需要足够的显存和内存。';
  const text = `# 部署\n\n${sentence.repeat(60)}\n\n${'没有标点的长句子'.repeat(80)}\n`;

  it('counts each Chinese character as a word, and English words as before', () => {
    expect(countWords(sentence)).toBe(sentence.length - 1 + 1);
    expect(countWords('Llama 3 采用SwiGLU激活函数')).toBe(2 + 1 + 2 + 4);
    expect(countWords('plain English words')).toBe(3);
  });

  it('cuts a long Chinese section into chunks of about the target size, covering all of it', () => {
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' }, { targetWords: 200 });
    expect(chunks.length).toBeGreaterThanOrEqual(8);
    for (const chunk of chunks) expect(countWords(chunk.text)).toBeLessThanOrEqual(250);
    expect(chunks.map((chunk) => chunk.text).join('')).toContain(sentence);
    expect(chunks.at(-1)?.endOffset).toBe(text.trimEnd().length);
  });
});
