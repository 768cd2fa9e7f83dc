import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../parse-document.js';
import { decodeText } from './decode-text.js';

const french =
  'Le remboursement des frais de déplacement est versé sous trente jours. Les reçus originaux sont exigés pour chaque dépense supérieure à vingt-cinq euros, même à l’étranger.';
const chinese =
  '员工每年享有十五天带薪年假，需提前两周向直属经理提交申请。未休完的年假可以顺延到下一年的第一季度，但不能兑换为现金。';
const japanese =
  '従業員は年間十五日の有給休暇を取得できます。申請は二週間前までに上司へ提出してください。未使用の休暇は翌年の第一四半期まで繰り越せます。';

describe('decodeText', () => {
  it.each([
    ['Windows-1252', 'windows-1252', french],
    ['Latin-1', 'latin1', 'Café au lait, crème brûlée et thé glacé sont servis à la cantine du rez-de-chaussée.'],
    ['GB18030', 'gb18030', chinese],
    ['GBK', 'gbk', chinese],
    ['Shift-JIS', 'shift_jis', japanese],
  ])('reads %s text', (_name, encoding, text) => {
    const bytes = iconv.encode(text, encoding);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).not.toBe(text);
    expect(decodeText(bytes)?.text).toBe(text);
  });

  it.each([
    ['UTF-16 LE', 'utf-16le'],
    ['UTF-16 BE', 'utf-16be'],
  ])('reads %s text with a byte-order mark, and drops the mark', (_name, encoding) => {
    const text = `${japanese} Plain ASCII too.`;
    const bytes = iconv.encode(text, encoding, { addBOM: true });
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it('prefers a declared encoding when the bytes are not UTF-8', () => {
    const bytes = iconv.encode('Größe', 'windows-1252');
    expect(decodeText(bytes, { declaredEncoding: 'windows-1252' })).toEqual({
      text: 'Größe',
      encoding: 'windows-1252',
    });
    expect(decodeText(iconv.encode('Größe', 'utf-8'), { declaredEncoding: 'windows-1252' })?.text).toBe('Größe');
  });

  it('rejects binary content: NUL bytes, and bytes full of control characters', () => {
    expect(decodeText(new Uint8Array([0x68, 0x69, 0x00, 0x21]))).toBeUndefined();
    expect(
      decodeText(
        new Uint8Array(Array.from({ length: 512 }, (_, index) => (index * 37 + 11) % 256).filter((byte) => byte !== 0)),
      ),
    ).toBeUndefined();
  });
});

describe('parsing text in other encodings', () => {
  it('reads a Shift-JIS text file and a UTF-16 markdown file instead of rejecting them as binary', async () => {
    const text = await parseDocument({ source: 'leave.txt', bytes: iconv.encode(japanese, 'shift_jis') });
    expect(text).toMatchObject({ mediaType: 'text/plain', text: japanese });
    const markdown = await parseDocument({
      source: 'leave.md',
      bytes: iconv.encode(`# 年假\n\n${chinese}`, 'utf-16le', { addBOM: true }),
    });
    expect(markdown).toMatchObject({ mediaType: 'text/markdown', title: '年假', text: `# 年假\n\n${chinese}` });
  });

  it('honours an HTML page\u2019s <meta charset>', async () => {
    // Too short for detection to be sure: the declaration decides.
    const page =
      '<html><head><meta charset="windows-1252"><title>Tarifs</title></head><body><p>Prix: 5 € — réduit</p></body></html>';
    const document = await parseDocument({ source: 'tarifs.html', bytes: iconv.encode(page, 'windows-1252') });
    expect(document.text).toBe('Prix: 5 € — réduit');
    const legacy =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>有給休暇</p></body></html>';
    expect((await parseDocument({ source: 'kyuka.html', bytes: iconv.encode(legacy, 'shift_jis') })).text).toBe(
      '有給休暇',
    );
  });
});
