import { cjkIndexTokens } from './cjk-terms.js';
import { withDottedNumberTokens } from './dotted-number.js';
import { normalizeText } from './normalize-text.js';
import { scriptRuns } from './scripts/cjk-runs.js';

/**
 * The text to put in a full-text index column (SQLite FTS5 with the `unicode61` tokenizer) for `text`, so that
 * {@link buildLexicalQuery}'s terms find it. The original text is stored elsewhere; this form is only indexed.
 *
 * - NFKC normalization ({@link normalizeText}): full-width `ＳｗｉＧＬＵ` is indexed as `SwiGLU`.
 * - Each run of CJK characters is replaced by its characters and overlapping character pairs
 *   ({@link cjkIndexTokens}), separated by spaces, so Latin words and digits next to it are separate tokens:
 *   `采用SwiGLU激活` is indexed as `采 采用 用 SwiGLU 激 激活 活`.
 * - Every other run is kept as it is (the tokenizer splits it into words, lower-cases it and folds accents), and
 *   each dotted number in it is followed by one joined token ({@link withDottedNumberTokens}).
 */
export function analyzeForIndex(text: string): string {
  return scriptRuns(normalizeText(text))
    .map((run) => (run.cjk ? ` ${cjkIndexTokens(run.text).join(' ')} ` : withDottedNumberTokens(run.text)))
    .join('');
}
