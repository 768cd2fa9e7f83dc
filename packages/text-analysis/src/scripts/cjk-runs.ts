/**
 * Characters of the scripts written without spaces between words, or whose words the FTS5 `unicode61` tokenizer
 * cannot find on its own: Han (Chinese, Japanese kanji), Hiragana, Katakana (with its length mark `ー`) and Hangul.
 */
const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;

/** A text cut into the runs of CJK characters and the runs of everything else, in order. */
export interface ScriptRun {
  /** The run's characters. */
  text: string;
  /** True for a run of CJK characters, false for anything else (Latin words, digits, spaces, punctuation). */
  cjk: boolean;
}

/** Whether one character (one code point) is a CJK character. */
export function isCjkCharacter(character: string): boolean {
  return cjkCharacter.test(character);
}

/** Runs of CJK characters, captured so that splitting on it keeps them. */
const cjkRun = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+)/u;

/**
 * Cuts a text into runs of CJK characters and runs of other characters, so that `采用SwiGLU激活函数` becomes
 * `采用`, `SwiGLU`, `激活函数`. Joined back, the runs are the text.
 */
export function scriptRuns(text: string): ScriptRun[] {
  // Splitting on a captured pattern alternates: other text at even positions, CJK runs at odd ones.
  return text
    .split(cjkRun)
    .map((piece, index) => ({ text: piece, cjk: index % 2 === 1 }))
    .filter((run) => run.text.length > 0);
}
